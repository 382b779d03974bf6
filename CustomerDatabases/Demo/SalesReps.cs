using Microsoft.Data.Sqlite;

namespace OrleansAssistant.CustomerDatabases.Demo;

internal sealed record DemoSalesRep(int Id, int BranchId, DateOnly HiredOn, double Weight);

/// <summary>80 sales reps: one hired before each branch opened, the rest spread by branch size.</summary>
internal static class SalesReps
{
    private const int Count = 80;
    private static readonly DateOnly LastHire = new(2026, 8, 31);

    public static IReadOnlyList<DemoSalesRep> Write(SqliteTransaction transaction, Random random, IReadOnlyList<DemoBranch> branches)
    {
        using var rows = new RowInserter(transaction, "sales_reps", "id", "branch_id", "name", "hired_on");
        var bySize = new WeightedPicker<DemoBranch>(branches, branch => branch.Weight);
        var reps = new List<DemoSalesRep>();
        for (var id = 1; id <= Count; id++)
        {
            // The founding rep guarantees every open branch has someone to take its orders.
            var isFounder = id <= branches.Count;
            var branch = isFounder ? branches[id - 1] : bySize.Pick(random);
            var hiredOn = isFounder
                ? branch.OpenedOn.AddDays(-random.Next(0, 60))
                : DemoDates.RandomDay(random, branch.OpenedOn, LastHire);
            var rep = new DemoSalesRep(id, branch.Id, hiredOn, 0.5 + random.NextDouble());
            rows.Insert(rep.Id, rep.BranchId, NameLists.RandomPerson(random), DemoDates.Format(hiredOn));
            reps.Add(rep);
        }
        return reps;
    }
}
