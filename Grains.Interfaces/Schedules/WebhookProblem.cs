namespace OrleansAssistant.Grains.Interfaces.Schedules;

/// <summary>Why a webhook address is refused; the gateways word it.</summary>
[GenerateSerializer, Alias("OrleansAssistant.WebhookProblem")]
public enum WebhookProblem
{
    None,
    /// <summary>Not an absolute http(s) URL, or longer than 2,000 characters, or carrying a user name or password.</summary>
    Malformed,
    /// <summary>Plain http: results may hold business data, so only https is accepted.</summary>
    NotHttps,
    /// <summary>A loopback, private, link-local or otherwise internal address, which a schedule must not reach.</summary>
    PrivateAddress,
}
