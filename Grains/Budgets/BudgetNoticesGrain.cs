using Orleans.Concurrency;
using OrleansAssistant.Grains.Interfaces.Budgets;

namespace OrleansAssistant.Grains.Budgets;

/// <summary>Hands out budget notices. Stateless and local to every silo: the table's conditional update makes sure each goes to one caller.</summary>
[StatelessWorker]
public sealed class BudgetNoticesGrain(BudgetNoticeStore store) : Grain, IBudgetNoticesGrain
{
    private const int MostPerCall = 100;

    public Task<IReadOnlyList<BudgetNotice>> TakeAsync(int max) => store.TakeAsync(Math.Clamp(max, 0, MostPerCall), CancellationToken.None);
}
