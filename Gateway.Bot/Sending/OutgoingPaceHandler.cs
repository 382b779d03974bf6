namespace OrleansAssistant.Gateway.Bot.Sending;

/// <summary>Puts every Bot API request through the process-wide <see cref="OutgoingPace"/>.</summary>
public sealed class OutgoingPaceHandler(OutgoingPace pace) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var turn = await pace.WaitTurnAsync(request, cancellationToken);
        return await base.SendAsync(request, cancellationToken);
    }
}
