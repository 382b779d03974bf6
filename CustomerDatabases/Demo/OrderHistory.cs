using Microsoft.Data.Sqlite;

namespace OrleansAssistant.CustomerDatabases.Demo;

/// <summary>
/// Orders and their lines, day by day in time order. Every order respects the facts around it: the
/// customer already existed, the branch was open, the rep worked there, the product was on sale.
/// </summary>
internal sealed class OrderHistory(
    Random random,
    IReadOnlyList<DemoCustomer> customers,
    IReadOnlyList<DemoBranch> branches,
    IReadOnlyList<DemoSalesRep> reps,
    IReadOnlyList<DemoProduct> products)
{
    // Discontinued products sold until the middle of 2025.
    private static readonly DateOnly DiscontinuedFrom = new(2025, 7, 1);

    // About three lines per order.
    private static readonly WeightedPicker<int> LineCounts = new([1, 2, 3, 4, 5], count => count switch { 1 => 15, 2 => 25, 3 => 25, 4 => 20, _ => 15 });

    private readonly WeightedPicker<DemoCustomer> _customers = new(customers, customer => customer.Weight);
    private readonly WeightedPicker<DemoBranch> _anyBranch = new(branches, branch => branch.Weight);
    private readonly Dictionary<int, WeightedPicker<DemoBranch>> _branchesByRegion = branches
        .GroupBy(branch => branch.RegionId)
        .ToDictionary(region => region.Key, region => new WeightedPicker<DemoBranch>(region, branch => branch.Weight));
    private readonly Dictionary<int, WeightedPicker<DemoSalesRep>> _repsByBranch = reps
        .GroupBy(rep => rep.BranchId)
        .ToDictionary(branch => branch.Key, branch => new WeightedPicker<DemoSalesRep>(branch, rep => rep.Weight));
    private readonly WeightedPicker<DemoProduct> _products = new(products, product => product.Weight);

    public void Write(SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        using var orderRows = new RowInserter(transaction, "orders", "id", "customer_id", "branch_id", "sales_rep_id", "ordered_at", "status", "payment_method");
        using var lineRows = new RowInserter(transaction, "order_lines", "order_id", "line_no", "product_id", "quantity", "unit_price_cents", "discount_percent");
        var orderId = 0;
        foreach (var (day, count) in OrderCalendar.DailyOrderCounts(random))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var times = Enumerable.Range(0, count).Select(_ => DemoDates.RandomTime(random, 8, 21)).ToArray();
            Array.Sort(times); // ids rise with time, as in a real order table
            foreach (var time in times)
            {
                orderId++;
                var customer = _customers.Pick(random, candidate => candidate.CreatedOn < day);
                var branch = PickBranch(customer, day);
                var rep = _repsByBranch[branch.Id].Pick(random, candidate => candidate.HiredOn <= day);
                orderRows.Insert(orderId, customer.Id, branch.Id, rep.Id, DemoDates.Format(day, time),
                    OrderTerms.Status(random, day), OrderTerms.PaymentMethod(random, customer.Segment));
                WriteLines(lineRows, orderId, customer.Segment, day);
            }
        }
    }

    /// <summary>Mostly a branch in the customer's own region; sometimes one elsewhere (travel, a second office).</summary>
    private DemoBranch PickBranch(DemoCustomer customer, DateOnly day)
    {
        var candidates = random.Next(100) < 92 ? _branchesByRegion[customer.RegionId] : _anyBranch;
        return candidates.Pick(random, branch => branch.OpenedOn <= day);
    }

    private void WriteLines(RowInserter lineRows, int orderId, CustomerSegment segment, DateOnly day)
    {
        var lineCount = LineCounts.Pick(random);
        var chosen = new HashSet<int>();
        for (var lineNo = 1; lineNo <= lineCount; lineNo++)
        {
            var product = _products.Pick(random, candidate => (candidate.Active || day < DiscontinuedFrom) && !chosen.Contains(candidate.Id));
            chosen.Add(product.Id);
            var unitPriceCents = OrderTerms.PricePaidCents(product, day);
            lineRows.Insert(orderId, lineNo, product.Id, OrderTerms.Quantity(random, segment, unitPriceCents), unitPriceCents,
                OrderTerms.DiscountPercent(random, segment, day));
        }
    }
}
