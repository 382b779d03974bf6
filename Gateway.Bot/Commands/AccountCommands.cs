using System.Text;
using OrleansAssistant.Gateway.Bot.Budgets;
using OrleansAssistant.Gateway.Bot.Replies;
using OrleansAssistant.Grains.Interfaces.Budgets;
using OrleansAssistant.Grains.Interfaces.Databases;
using OrleansAssistant.Grains.Interfaces.Organizations;
using OrleansAssistant.Grains.Interfaces.Questions;
using OrleansAssistant.Grains.Interfaces.Users;

namespace OrleansAssistant.Gateway.Bot.Commands;

/// <summary>/myinfo, /clear, /history and /stats: a person's own profile, memory and spend.</summary>
internal sealed class AccountCommands(IGrainFactory grains, BotReplies replies, TimeProvider clock)
{
    private const int HistoryLength = 10;

    public async Task MyInfoAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        if (await grains.GetGrain<IUserGrain>(request.UserId).GetInfoAsync() is not { } info) return;
        var organization = info.OrgId is { } orgId ? await grains.GetGrain<IOrganizationGrain>(orgId).GetInfoAsync() : null;
        var databases = await grains.GetGrain<IDatabasesGrain>(0).ListUsableAsync(request.UserId);
        var active = databases.FirstOrDefault(database => database.DatabaseId == info.ActiveDatabaseId);

        var text = new StringBuilder($"<b>{Texts.Html(info.Profile.FirstName)}</b>\n");
        text.Append($"Telegram id: {Texts.Code(info.Profile.UserId.ToString(System.Globalization.CultureInfo.InvariantCulture))}\n");
        text.Append($"Role: {RoleName(info.Role)}{(info.IsAdmin ? " (operator)" : "")}\n");
        if (organization is not null) text.Append($"Organization: {Texts.Html(organization.Name)}\n");
        if (info.DashboardUsername is { } username) text.Append($"Dashboard username: {Texts.Code(username)}\n");
        text.Append($"Active database: {(active is null ? "none — choose one with /selectdb" : Texts.Html(active.Name))}\n");
        text.Append($"Databases you can use: {databases.Count}\n");
        text.Append($"Time zone: {Texts.Code(info.TimeZone)} (change it with /timezone)\n");
        text.Append($"Registered: {Texts.Date(info.FirstSeen)}");
        await replies.SendAsync(request.ChatId, text.ToString(), cancellationToken);
    }

    public async Task ClearAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        await grains.GetGrain<IUserGrain>(request.UserId).ClearConversationAsync(request.ChatId);
        await replies.SendAsync(request.ChatId, "Conversation cleared: your next question starts afresh.", cancellationToken);
    }

    public async Task HistoryAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var entries = await grains.GetGrain<IUsageGrain>(0).HistoryAsync(request.UserId, HistoryLength);
        await replies.SendAsync(request.ChatId, UsageTexts.History(entries), cancellationToken);
    }

    public async Task StatsAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var monthStart = new DateTimeOffset(now.Year, now.Month, 1, 0, 0, 0, TimeSpan.Zero);
        // The end lies a little ahead so a question finishing right now is counted.
        var end = now.AddMinutes(1);
        var usage = grains.GetGrain<IUsageGrain>(0);
        var month = await usage.ForUserAsync(request.UserId, monthStart, end);
        var allTime = await usage.ForUserAsync(request.UserId, DateTimeOffset.UnixEpoch, end);
        var text = UsageTexts.Stats("This month", month) + "\n\n" + UsageTexts.Stats("All time", allTime);
        if (await BudgetStatusAsync(request) is { } budget) text += "\n\n" + BudgetTexts.StatsLines(budget);
        await replies.SendAsync(request.ChatId, text, cancellationToken);
    }

    // The budget the person's questions count toward: their organization's, or their personal account's.
    private Task<BudgetStatus?> BudgetStatusAsync(CommandRequest request) => request.Principal is { } principal
        ? grains.GetGrain<IBudgetGrain>(BudgetKeys.Of(principal.UserId, principal.OrgId)).GetStatusAsync(principal)
        : Task.FromResult<BudgetStatus?>(null);

    private static string RoleName(UserRole role) => role switch
    {
        UserRole.OrgOwner => "organization owner",
        UserRole.OrgMember => "organization member",
        _ => "personal user",
    };
}
