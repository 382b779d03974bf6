using OrleansAssistant.Authorization;
using OrleansAssistant.Gateway.Bot.Replies;
using OrleansAssistant.Grains.Interfaces.Databases;
using OrleansAssistant.Grains.Interfaces.Users;

namespace OrleansAssistant.Gateway.Bot.Commands;

/// <summary>
/// /start's two lines for someone whose questions go to the database offered to everyone (the demo database):
/// which database that is, and how to ask about their own data instead.
/// </summary>
internal static class OfferedDatabaseNote
{
    public static async Task<string?> ForAsync(IGrainFactory grains, UserInfo user, Principal principal)
    {
        if (user.ActiveDatabaseId is not { } databaseId) return null;
        var database = await grains.GetGrain<IDatabaseConnectionGrain>(databaseId).GetInfoAsync();
        // Offered to everyone = shared and owned by no person or organization; a person's or an organization's database needs no note.
        if (database is not { IsShared: true, OwnerUserId: null, OwnerOrgId: null }) return null;
        var mayAdd = BotCommandCatalog.AvailableTo(principal).Any(command => command.Name == "adddb");
        return $"Your questions go to <b>{Texts.Html(database.Name)}</b>, a demo database everyone can try.\n"
            + (mayAdd
                ? $"To ask about your own data, add your database with {Texts.Code("/adddb <name> <connection string>")}."
                : "Your organization's owner adds its databases with /adddb; choose one with /selectdb.");
    }
}
