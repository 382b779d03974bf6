using System.ClientModel;
using System.ClientModel.Primitives;
using System.Collections.Concurrent;
using Microsoft.Extensions.AI;
using OpenAI;

namespace OrleansAssistant.Grains.Llm;

/// <summary>One <see cref="IChatClient"/> per model name, all sending through the same resilient <see cref="HttpClient"/>.</summary>
internal sealed class ModelChatClients(ModelSettings settings, HttpClient httpClient)
{
    private readonly ConcurrentDictionary<string, IChatClient> _clients = new(StringComparer.Ordinal);

    public IChatClient For(string model) => _clients.GetOrAdd(model, Create);

    private IChatClient Create(string model)
    {
        var options = new OpenAIClientOptions
        {
            Endpoint = settings.BaseUrl,
            Transport = new HttpClientPipelineTransport(httpClient),
            // The HttpClient's resilience handler retries and times out; a second retry layer here
            // would multiply the attempts, and a second timeout would cut calls short of the budget.
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            NetworkTimeout = Timeout.InfiniteTimeSpan,
        };
        return new OpenAI.Chat.ChatClient(model, new ApiKeyCredential(settings.ApiKey!), options).AsIChatClient();
    }
}
