using System.Globalization;
using System.Text.Json.Nodes;

namespace OrleansAssistant.TestSupport.Telegram;

/// <summary>The bot behind a token: its id is the token's number, as on Telegram.</summary>
public sealed record BotAccount(string Token, long Id, string Username)
{
    public const string FirstName = "Orleans Assistant (test)";

    public static BotAccount ForToken(string token)
    {
        var number = token.Split(':')[0];
        var id = long.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : 1;
        return new BotAccount(token, id, "orleans_assistant_test_bot");
    }

    internal JsonObject AsSender() => TelegramObjects.User(Id, isBot: true, FirstName, Username);

    /// <summary>getMe adds the bot-only capability flags to the plain user.</summary>
    internal JsonObject AsGetMeResult()
    {
        var me = AsSender();
        me["can_join_groups"] = true;
        me["can_read_all_group_messages"] = false;
        me["supports_inline_queries"] = false;
        return me;
    }
}
