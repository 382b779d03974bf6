using OrleansAssistant.Grains.Tests.Questions;

namespace OrleansAssistant.Grains.Tests.Schedules;

/// <summary>The question silo with small schedule limits, so the limit tests need a handful of schedules, not hundreds.</summary>
public sealed class ScheduleLimitsSiloFixture() : QuestionSiloFixture(new Dictionary<string, string?>
{
    ["Schedules:MaxPerPerson"] = MaxPerPerson.ToString(System.Globalization.CultureInfo.InvariantCulture),
    ["Schedules:MaxPerOrganization"] = MaxPerOrganization.ToString(System.Globalization.CultureInfo.InvariantCulture),
})
{
    public const int MaxPerPerson = 3;
    public const int MaxPerOrganization = 5;
}

[CollectionDefinition(Name)]
public sealed class ScheduleLimitsSiloCollection : ICollectionFixture<ScheduleLimitsSiloFixture>
{
    public const string Name = "schedule-limits";
}
