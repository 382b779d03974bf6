using System.Threading.RateLimiting;

namespace OrleansAssistant.Gateway.Bot.Sending;

/// <summary>A request's turn under <see cref="OutgoingPace"/>; disposing it hands the leases back.</summary>
public sealed record PaceTurn(RateLimitLease? PerChat, RateLimitLease? Overall) : IDisposable
{
    public static readonly PaceTurn Unpaced = new(null, null) { IsPaced = false };

    /// <summary>False for methods the pace lets through (getUpdates, answers to button presses).</summary>
    public bool IsPaced { get; private init; } = true;

    public void Dispose()
    {
        PerChat?.Dispose();
        Overall?.Dispose();
    }
}
