using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace OrleansAssistant.Gateway.Dashboard.Tests;

/// <summary>One HTTP answer read completely, so a failed assertion can show the body.</summary>
public sealed record Answer(HttpStatusCode Status, string Body, string? MediaType, HttpResponseMessage Response)
{
    public int Code => (int)Status;

    public JsonElement Json => JsonDocument.Parse(Body).RootElement;

    /// <summary>A header of the response or its content, or null.</summary>
    public string? Header(string name) =>
        Response.Headers.TryGetValues(name, out var values) || Response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : null;

    public override string ToString() => $"{Code} {MediaType}: {Body}";
}

public static class AnswerRequests
{
    public static async Task<Answer> SendAsync(this HttpClient client, HttpMethod method, string path, object? body = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (body is not null) request.Content = body is string raw
            ? new StringContent(raw, System.Text.Encoding.UTF8, "application/json")
            : JsonContent.Create(body);
        var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return new Answer(response.StatusCode, text, response.Content.Headers.ContentType?.MediaType, response);
    }

    public static Task<Answer> GetAnswerAsync(this HttpClient client, string path) => client.SendAsync(HttpMethod.Get, path);

    public static Task<Answer> PostAnswerAsync(this HttpClient client, string path, object? body = null) => client.SendAsync(HttpMethod.Post, path, body ?? new { });

    public static Task<Answer> DeleteAnswerAsync(this HttpClient client, string path) => client.SendAsync(HttpMethod.Delete, path);

    /// <summary>Asserts the status and shows the whole answer when it differs.</summary>
    public static Answer Expect(this Answer answer, HttpStatusCode status)
    {
        Assert.True(answer.Status == status, $"expected {(int)status}, got {answer}");
        return answer;
    }
}
