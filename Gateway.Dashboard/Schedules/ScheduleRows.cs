using OrleansAssistant.Gateway.Dashboard.Http;
using OrleansAssistant.Gateway.Dashboard.Questions;
using OrleansAssistant.Grains.Interfaces.Schedules;

namespace OrleansAssistant.Gateway.Dashboard.Schedules;

/// <summary>Turns schedule views into rows, naming their owners and databases with one lookup per distinct id.</summary>
internal static class ScheduleRows
{
    public static async Task<IReadOnlyList<ScheduleRow>> OfAsync(IReadOnlyList<ScheduleView> views, IGrainFactory grains, PeopleDirectory people)
    {
        var namesQuery = people.NamesAsync(views.Select(v => v.OwnerUserId));
        var databasesQuery = DatabaseNames.LookUpAsync(grains, views.Select(v => v.DatabaseId));
        var (names, databases) = (await namesQuery, await databasesQuery);
        return [.. views.Select(v => ScheduleRow.From(v, names[v.OwnerUserId], databases.GetValueOrDefault(v.DatabaseId)))];
    }

    public static async Task<ScheduleRow> OfAsync(ScheduleView view, IGrainFactory grains, PeopleDirectory people) =>
        (await OfAsync([view], grains, people))[0];
}
