using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace OrleansAssistant.TestSupport.Telegram;

/// <summary>
/// The parameters of one Bot API call, read the ways Telegram accepts them: query string, JSON body,
/// url-encoded or multipart form. Like Telegram, object parameters are kept as JSON text, so a
/// reply_markup reads the same whether it came as a JSON object or as a form field.
/// </summary>
internal sealed class BotApiRequest(IReadOnlyDictionary<string, string> parameters, IReadOnlyDictionary<string, UploadedFile>? files = null)
{
    public IReadOnlyDictionary<string, string> Parameters { get; } = parameters;

    /// <summary>Files uploaded as multipart parts, by part name.</summary>
    public IReadOnlyDictionary<string, UploadedFile> Files { get; } = files ?? new Dictionary<string, UploadedFile>();

    public static async Task<BotApiRequest> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var files = new Dictionary<string, UploadedFile>(StringComparer.Ordinal);
        foreach (var (name, value) in request.Query) values[name] = value.ToString();

        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(cancellationToken);
            foreach (var (name, value) in form) values[name] = value.ToString();
            foreach (var file in form.Files)
            {
                using var content = new MemoryStream();
                await file.CopyToAsync(content, cancellationToken);
                files[file.Name] = new UploadedFile(file.FileName, file.ContentType, content.ToArray());
            }
        }
        else if (request.HasJsonContentType())
        {
            using var reader = new StreamReader(request.Body);
            var body = await reader.ReadToEndAsync(cancellationToken);
            // Parameterless methods may arrive with an empty body.
            if (!string.IsNullOrWhiteSpace(body))
            {
                using var json = JsonDocument.Parse(body);
                if (json.RootElement.ValueKind != JsonValueKind.Object) throw new BadBotApiRequestException("parameters must be a JSON object");
                foreach (var property in json.RootElement.EnumerateObject())
                {
                    if (property.Value.ValueKind == JsonValueKind.Null) continue; // null means "not given"
                    values[property.Name] = property.Value.ValueKind == JsonValueKind.String
                        ? property.Value.GetString()!
                        : property.Value.GetRawText();
                }
            }
        }
        return new BotApiRequest(values, files);
    }

    /// <summary>
    /// The file given for <paramref name="name"/>: a part of that name, or the part an <c>attach://part</c> value names.
    /// </summary>
    public UploadedFile? FileOf(string name)
    {
        if (Files.TryGetValue(name, out var direct)) return direct;
        return Text(name) is { } value && value.StartsWith("attach://", StringComparison.Ordinal) && Files.TryGetValue(value["attach://".Length..], out var attached)
            ? attached
            : null;
    }

    public string? Text(string name) => Parameters.TryGetValue(name, out var value) && value.Length > 0 ? value : null;

    public string RequiredText(string name, string problemWhenMissing) =>
        Text(name) ?? throw new BadBotApiRequestException(problemWhenMissing);

    /// <summary>A JSON-serialized parameter (reply_markup, commands …), or null when absent.</summary>
    public JsonNode? Json(string name)
    {
        var text = Text(name);
        if (text is null) return null;
        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            throw new BadBotApiRequestException($"can't parse {name} JSON object");
        }
    }

    public long? Integer(string name)
    {
        var text = Text(name);
        if (text is null) return null;
        return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new BadBotApiRequestException($"field \"{name}\" must be an Integer");
    }

    /// <summary>A chat id; usernames (@channel) are not known to the fake, like an unknown chat on Telegram.</summary>
    public long RequiredChatId()
    {
        var text = RequiredText("chat_id", "chat_id is empty");
        return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var chatId)
            ? chatId
            : throw new BadBotApiRequestException("chat not found");
    }
}
