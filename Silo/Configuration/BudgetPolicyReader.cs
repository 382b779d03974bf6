using System.Globalization;
using Microsoft.Extensions.Configuration;
using OrleansAssistant.Grains.Budgets;
using OrleansAssistant.Grains.Interfaces.Budgets;
using OrleansAssistant.Hosting;

namespace OrleansAssistant.Silo.Configuration;

/// <summary>Reads <c>Budgets:*</c>: the personal accounts' monthly budget, the installation's daily cap, and how long a reservation holds.</summary>
public static class BudgetPolicyReader
{
    private const string Section = "Budgets";

    public static BudgetPolicy Read(IConfiguration configuration)
    {
        var defaults = BudgetPolicy.Default;
        return defaults with
        {
            PersonalMonthlyUsd = Usd(configuration, $"{Section}:PersonalMonthlyUsd"),
            InstallationDailyUsd = Usd(configuration, $"{Section}:InstallationDailyUsd"),
            ReservationLifetime = TimeSpan.FromMinutes(SettingReader.WholeNumber(configuration, $"{Section}:ReservationMinutes",
                (int)defaults.ReservationLifetime.TotalMinutes, 1, 1_440, "minutes")),
        };
    }

    /// <summary>An amount in US dollars, or null when the setting is absent (no limit).</summary>
    private static decimal? Usd(IConfiguration configuration, string key)
    {
        var raw = configuration[key];
        if (string.IsNullOrWhiteSpace(raw)) return null;
        if (decimal.TryParse(raw.Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var usd) && BudgetLimits.IsValid(usd)) return usd;
        throw new InvalidSettingException(key, $"must be an amount in US dollars above 0 and at most {BudgetLimits.MaxUsd.ToString(CultureInfo.InvariantCulture)} (got '{raw}').");
    }
}
