namespace OrleansAssistant.Gateway.Bot.Schedules;

/// <summary>The reply prompts of the schedule dialog.</summary>
internal static class PromptTexts
{
    public static string Ask(PromptKind kind) => kind switch
    {
        PromptKind.Time => "At what time? Reply with HH:MM on a 24-hour clock, like <code>07:30</code>.",
        PromptKind.Cron => "Reply with the five cron fields: minute hour day-of-month month day-of-week, like <code>0 9 * * 1-5</code>.",
        PromptKind.Recipients => "Who else should get it by e-mail? Reply with addresses separated by commas.",
        PromptKind.Webhook => "Reply with the <code>https://</code> address to POST each result to (JSON, signed).",
        _ => "Which number? Reply with it, like <code>50</code> or <code>1250.5</code>.",
    };

    public static string Placeholder(PromptKind kind) => kind switch
    {
        PromptKind.Time => "HH:MM",
        PromptKind.Cron => "0 9 * * 1-5",
        PromptKind.Recipients => "ana@example.com, ben@example.com",
        PromptKind.Webhook => "https://",
        _ => "50",
    };
}
