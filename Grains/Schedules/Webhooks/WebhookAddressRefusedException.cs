namespace OrleansAssistant.Grains.Schedules.Webhooks;

/// <summary>A webhook's host resolved, at connect time, to an address a schedule must not reach.</summary>
public sealed class WebhookAddressRefusedException(string host)
    : Exception($"{host} resolves to an address schedules may not reach (internal, or public over plain http)");
