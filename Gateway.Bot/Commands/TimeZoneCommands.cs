using OrleansAssistant.Gateway.Bot.Replies;
using OrleansAssistant.Grains.Interfaces.Users;

namespace OrleansAssistant.Gateway.Bot.Commands;

/// <summary>/timezone: shows the person's time zone, or sets it from an IANA name; the user grain decides whether the name is known.</summary>
internal sealed class TimeZoneCommands(IGrainFactory grains, BotReplies replies)
{
    private const string Examples = "<code>Europe/Berlin</code>, <code>America/New_York</code> or <code>UTC</code>";

    public async Task TimeZoneAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var user = grains.GetGrain<IUserGrain>(request.UserId);
        if (await user.GetInfoAsync() is not { } info) return;
        var asked = request.Arguments.Trim();
        if (asked.Length == 0)
        {
            var current = $"Your time zone: {Texts.Code(info.TimeZone)}. Your schedules run on its clock.\n\n"
                + $"To change it: {Texts.Code("/timezone <IANA name>")}, for example {Examples}.";
            await replies.SendAsync(request.ChatId, current, cancellationToken);
            return;
        }

        var reply = await user.SetTimeZoneAsync(asked) switch
        {
            TimeZoneChange.Changed => $"Your time zone is now {Texts.Code(asked)}. Your schedules run on its clock.",
            TimeZoneChange.Unchanged => $"Your time zone already is {Texts.Code(asked)}.",
            TimeZoneChange.UnknownTimeZone =>
                $"I don't know the time zone {Texts.Code(Texts.Short(asked, 64))}. Use an IANA name (Region/City, as spelled there), "
                + $"for example {Examples}. Your time zone is still {Texts.Code(info.TimeZone)}.",
            _ => CommandGuide.For(null),
        };
        await replies.SendAsync(request.ChatId, reply, cancellationToken);
    }
}
