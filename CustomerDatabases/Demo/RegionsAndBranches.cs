using Microsoft.Data.Sqlite;

namespace OrleansAssistant.CustomerDatabases.Demo;

internal sealed record DemoRegion(int Id, string[] Cities, double CustomerShare);

internal sealed record DemoBranch(int Id, int RegionId, DateOnly OpenedOn, double Weight);

/// <summary>Five US sales regions with 25 branches; the first city of each region is its largest.</summary>
internal static class RegionsAndBranches
{
    private static readonly (string Name, double CustomerShare, string[] BranchCities, string[] OtherTowns)[] Regions =
    [
        ("Northeast", 0.26, ["New York", "Boston", "Philadelphia", "Pittsburgh", "Hartford", "Newark"], ["Providence", "Albany", "Buffalo"]),
        ("Southeast", 0.20, ["Atlanta", "Miami", "Charlotte", "Nashville", "Orlando"], ["Raleigh", "Tampa", "Savannah"]),
        ("Midwest", 0.19, ["Chicago", "Detroit", "Minneapolis", "St. Louis", "Columbus"], ["Milwaukee", "Indianapolis", "Kansas City"]),
        ("Southwest", 0.15, ["Dallas", "Houston", "Phoenix", "Austin"], ["San Antonio", "Tucson", "Albuquerque", "El Paso"]),
        ("West", 0.20, ["Los Angeles", "San Francisco", "Seattle", "Denver", "Portland"], ["San Diego", "Sacramento", "Salt Lake City"]),
    ];

    private static readonly string[] BranchKinds = ["Downtown", "Central", "Plaza", "Mall", "Market Street", "Riverside"];

    public static (IReadOnlyList<DemoRegion> Regions, IReadOnlyList<DemoBranch> Branches) Write(
        SqliteTransaction transaction, Random random)
    {
        using var regionRows = new RowInserter(transaction, "regions", "id", "name");
        using var branchRows = new RowInserter(transaction, "branches", "id", "region_id", "name", "city", "opened_on");
        var regions = new List<DemoRegion>();
        var branches = new List<DemoBranch>();
        for (var r = 0; r < Regions.Length; r++)
        {
            var (name, customerShare, branchCities, otherTowns) = Regions[r];
            var regionId = r + 1;
            regionRows.Insert(regionId, name);
            regions.Add(new DemoRegion(regionId, [.. branchCities, .. otherTowns], customerShare));
            for (var c = 0; c < branchCities.Length; c++)
            {
                // Now and then a smaller city's branch is new, so "since it opened" questions have an answer.
                var isNew = c > 0 && random.Next(100) < 12;
                var openedOn = isNew
                    ? DemoDates.RandomDay(random, new DateOnly(2024, 3, 1), new DateOnly(2025, 9, 30))
                    : DemoDates.RandomDay(random, new DateOnly(2006, 1, 1), new DateOnly(2021, 12, 31));
                var weight = (c == 0 ? 1.5 : 1.0) * (0.7 + 0.6 * random.NextDouble());
                var branch = new DemoBranch(branches.Count + 1, regionId, openedOn, weight);
                var branchName = $"{branchCities[c]} {BranchKinds[random.Next(BranchKinds.Length)]}";
                branchRows.Insert(branch.Id, regionId, branchName, branchCities[c], DemoDates.Format(openedOn));
                branches.Add(branch);
            }
        }
        return (regions, branches);
    }
}
