using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection;
using OrleansAssistant.Gateway.Bot.Webhook;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace OrleansAssistant.Gateway.Bot;

/// <summary><c>POST /telegram/webhook</c>: where Telegram delivers updates in webhook mode.</summary>
public static class WebhookEndpoint
{
    public const string Path = "/telegram/webhook";

    /// <summary>Maps the webhook; does nothing when the bot is off or polls.</summary>
    public static WebApplication MapBotWebhook(this WebApplication app)
    {
        if (!app.Services.GetRequiredService<TelegramSettings>().UsesWebhook) return app;
        app.MapPost(Path, HandleAsync).ExcludeFromDescription();
        return app;
    }

    private static async Task<Results<Ok, UnauthorizedHttpResult, BadRequest, StatusCodeHttpResult>> HandleAsync(
        HttpRequest request, WebhookSecret secret, WebhookUpdates updates, CancellationToken cancellationToken)
    {
        if (!secret.Matches(request.Headers[WebhookSecret.Header])) return TypedResults.Unauthorized();
        Update? update;
        try
        {
            update = await request.ReadFromJsonAsync<Update>(JsonBotAPI.Options, cancellationToken);
        }
        catch (JsonException)
        {
            return TypedResults.BadRequest();
        }
        if (update is null) return TypedResults.BadRequest();
        // 503 while shutting down: Telegram keeps the update and delivers it again.
        return updates.TryAccept(update) ? TypedResults.Ok() : TypedResults.StatusCode(StatusCodes.Status503ServiceUnavailable);
    }
}
