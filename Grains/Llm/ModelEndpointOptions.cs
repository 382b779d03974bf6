using System.ClientModel.Primitives;
using OpenAI;

namespace OrleansAssistant.Grains.Llm;

/// <summary>How every OpenAI client of ours reaches the endpoint: through the one resilient <see cref="HttpClient"/>.</summary>
internal static class ModelEndpointOptions
{
    public static OpenAIClientOptions For(ModelSettings settings, HttpClient httpClient) => new()
    {
        Endpoint = settings.BaseUrl,
        Transport = new HttpClientPipelineTransport(httpClient),
        // The HttpClient's resilience handler retries and times out; a second retry layer here
        // would multiply the attempts, and a second timeout would cut calls short of the budget.
        RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
        NetworkTimeout = Timeout.InfiniteTimeSpan,
    };
}
