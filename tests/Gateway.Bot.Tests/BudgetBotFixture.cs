namespace OrleansAssistant.Gateway.Bot.Tests;

/// <summary>The bot's silo with a personal default budget of $0.0001, so one question spends a personal account's month.</summary>
public sealed class BudgetBotFixture : BotTelegramFixture
{
    public const decimal PersonalMonthlyUsd = 0.0001m;

    protected override void Configure(Dictionary<string, string?> settings) =>
        settings["Budgets:PersonalMonthlyUsd"] = PersonalMonthlyUsd.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

[CollectionDefinition(Name)]
public sealed class BudgetBotCollection : ICollectionFixture<BudgetBotFixture>
{
    public const string Name = "bot-budgets";
}
