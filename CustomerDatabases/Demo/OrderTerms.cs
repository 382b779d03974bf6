namespace OrleansAssistant.CustomerDatabases.Demo;

/// <summary>The commercial details of an order: status, payment, quantities, prices paid and discounts.</summary>
internal static class OrderTerms
{
    // List prices rose about 3 % a year; order lines keep the price paid at the time.
    private static readonly double[] PriceLevelByYear = [0.94, 0.97, 1.00];

    public static long PricePaidCents(DemoProduct product, DateOnly day) =>
        RetailPrice.ToCents(product.ListPriceCents / 100.0 * PriceLevelByYear[day.Year - OrderCalendar.FirstDay.Year]);

    /// <summary>Orders of the last week may still be on their way; older ones are settled.</summary>
    public static string Status(Random random, DateOnly day)
    {
        var roll = random.Next(100);
        if (OrderCalendar.LastDay.DayNumber - day.DayNumber < 7)
            return roll < 5 ? "Cancelled" : roll < 75 ? "Shipped" : "Completed";
        return roll < 5 ? "Cancelled" : roll < 9 ? "Returned" : "Completed";
    }

    public static string PaymentMethod(Random random, CustomerSegment segment)
    {
        var roll = random.Next(100);
        return segment switch
        {
            CustomerSegment.Retail => roll < 55 ? "Credit Card" : roll < 80 ? "Debit Card" : roll < 92 ? "Cash" : "Mobile Wallet",
            CustomerSegment.SmallBusiness => roll < 45 ? "Credit Card" : roll < 80 ? "Bank Transfer" : "Invoice",
            _ => roll < 70 ? "Invoice" : "Bank Transfer",
        };
    }

    public static int Quantity(Random random, CustomerSegment segment, long unitPriceCents)
    {
        var quantity = segment switch
        {
            CustomerSegment.Retail => random.Next(100) < 80 ? 1 : random.Next(2, 4),
            CustomerSegment.SmallBusiness => random.Next(1, 6),
            _ => random.Next(2, 21),
        };
        return unitPriceCents < 50_00 ? quantity * 2 : quantity; // cheap consumables go by the handful
    }

    /// <summary>Businesses get contract rates; people get discounts only on promotion days.</summary>
    public static int DiscountPercent(Random random, CustomerSegment segment, DateOnly day) => segment switch
    {
        CustomerSegment.Enterprise => 5 * random.Next(1, 4),
        CustomerSegment.SmallBusiness => random.Next(100) < 60 ? 0 : 5 * random.Next(1, 3),
        _ => OrderCalendar.IsPromotionDay(day) && random.Next(100) < 70 ? 5 * random.Next(2, 4) : 0,
    };
}
