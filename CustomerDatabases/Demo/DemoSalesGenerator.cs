using Microsoft.Data.Sqlite;

namespace OrleansAssistant.CustomerDatabases.Demo;

/// <summary>
/// Fills the demo tables from one seeded <see cref="Random"/> used in a fixed order, so every
/// generation writes exactly the same rows.
/// </summary>
internal static class DemoSalesGenerator
{
    private const int Seed = 20261126;

    public static void Write(SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        var random = new Random(Seed);
        var (regions, branches) = RegionsAndBranches.Write(transaction, random);
        var reps = SalesReps.Write(transaction, random, branches);
        var products = ProductCatalog.Write(transaction, random);
        var customers = CustomerList.Write(transaction, random, regions);
        new OrderHistory(random, customers, branches, reps, products).Write(transaction, cancellationToken);
    }
}
