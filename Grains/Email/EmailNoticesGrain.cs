using Orleans.Concurrency;
using OrleansAssistant.Grains.Interfaces.Email;

namespace OrleansAssistant.Grains.Email;

/// <summary>
/// Hands out outcomes to tell users about. Stateless and local to every silo, since the table's
/// conditional update (not the grain) makes sure each notice goes to one caller only.
/// </summary>
[StatelessWorker]
public sealed class EmailNoticesGrain(EmailOutboxStore outbox) : Grain, IEmailNoticesGrain
{
    private const int MostPerCall = 100;

    public Task<IReadOnlyList<EmailNotice>> TakeAsync(int max) =>
        outbox.TakeNoticesAsync(Math.Clamp(max, 0, MostPerCall), CancellationToken.None);
}
