namespace OrleansAssistant.Gateway.Bot.Sending;

/// <summary>Puts every Bot API request through the process-wide <see cref="OutgoingPace"/>.</summary>
public sealed class OutgoingPaceHandler(OutgoingPace pace) : DelegatingHandler
{
    /// <summary>How long a paced request may take once it has its turn.</summary>
    private static readonly TimeSpan OnTheWireLimit = TimeSpan.FromSeconds(30);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var turn = await pace.WaitTurnAsync(request, cancellationToken);
        if (!turn.IsPaced) return await base.SendAsync(request, cancellationToken);
        // Cancelling drops a request that waits for its turn; one on its way goes out whole, so the sender
        // knows it landed (an edit cut off mid-way might still be applied after the answer).
        using var limit = new CancellationTokenSource(OnTheWireLimit);
        return await base.SendAsync(request, limit.Token);
    }
}
