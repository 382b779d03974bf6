using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace OrleansAssistant.Gateway.Dashboard.Settings;

/// <summary>
/// Reads a settings request's JSON body by hand, so broken JSON, a word, NaN or a number too large for a decimal all reach
/// the same check and get the same 400 naming the field, rather than the framework's binding error.
/// </summary>
internal static class SettingsBody
{
    // A settings body is a few short fields; anything longer is not one.
    private const int MaxChars = 4096;

    /// <returns>The body's top-level object, or null when the body is not one (empty, too long, broken JSON, an array).</returns>
    public static async Task<JsonElement?> ReadObjectAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(request.Body);
        var buffer = new char[MaxChars + 1];
        var length = 0;
        int read;
        while (length < buffer.Length && (read = await reader.ReadBlockAsync(buffer.AsMemory(length), cancellationToken)) > 0) length += read;
        if (length == 0 || length > MaxChars) return null;
        try
        {
            using var document = JsonDocument.Parse(buffer.AsMemory(0, length));
            return document.RootElement.ValueKind == JsonValueKind.Object ? document.RootElement.Clone() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
