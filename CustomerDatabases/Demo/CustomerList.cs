using Microsoft.Data.Sqlite;

namespace OrleansAssistant.CustomerDatabases.Demo;

internal enum CustomerSegment { Retail, SmallBusiness, Enterprise }

internal sealed record DemoCustomer(int Id, CustomerSegment Segment, int RegionId, DateOnly CreatedOn, double Weight);

/// <summary>2,000 customers: 60 % people, 30 % small businesses, 10 % enterprises; a few buy far more than the rest.</summary>
internal static class CustomerList
{
    private const int Count = 2_000;
    private static readonly DateOnly FirstSignUp = new(2019, 1, 1);
    private static readonly DateOnly LastSignUp = new(2026, 10, 20);

    public static IReadOnlyList<DemoCustomer> Write(SqliteTransaction transaction, Random random, IReadOnlyList<DemoRegion> regions)
    {
        using var rows = new RowInserter(transaction, "customers", "id", "name", "email", "segment", "city", "region_id", "created_at");
        var regionPicker = new WeightedPicker<DemoRegion>(regions, region => region.CustomerShare);
        var names = new CustomerNames();
        var customers = new List<DemoCustomer>();
        for (var id = 1; id <= Count; id++)
        {
            var roll = random.Next(100);
            var segment = roll < 60 ? CustomerSegment.Retail : roll < 90 ? CustomerSegment.SmallBusiness : CustomerSegment.Enterprise;
            var region = regionPicker.Pick(random);
            var city = region.Cities[random.Next(region.Cities.Length)];
            // Two thirds were already customers when the order history starts; the rest join during it.
            var createdOn = random.Next(100) < 65
                ? DemoDates.RandomDay(random, FirstSignUp, OrderCalendar.FirstDay.AddDays(-1))
                : DemoDates.RandomDay(random, OrderCalendar.FirstDay, LastSignUp);
            var createdAt = DemoDates.Format(createdOn, DemoDates.RandomTime(random, 7, 22));
            // 1 / (0.05 + u) is a heavy tail from 1 to 20: most customers buy now and then, a few very often.
            var weight = SegmentVolume(segment) / (0.05 + random.NextDouble());
            var (name, email) = names.Next(random, segment);
            rows.Insert(id, name, email, SegmentName(segment), city, region.Id, createdAt);
            customers.Add(new DemoCustomer(id, segment, region.Id, createdOn, weight));
        }
        return customers;
    }

    public static string SegmentName(CustomerSegment segment) => segment switch
    {
        CustomerSegment.Retail => "Retail",
        CustomerSegment.SmallBusiness => "SMB",
        _ => "Enterprise",
    };

    private static double SegmentVolume(CustomerSegment segment) => segment switch
    {
        CustomerSegment.Retail => 0.6,
        CustomerSegment.SmallBusiness => 1.5,
        _ => 4.0,
    };
}
