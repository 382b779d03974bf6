using System.ClientModel;
using System.Collections.Concurrent;
using Microsoft.Extensions.AI;

namespace OrleansAssistant.Grains.Llm;

/// <summary>One <see cref="IChatClient"/> per model name, all sending through the same resilient <see cref="HttpClient"/>.</summary>
internal sealed class ModelChatClients(ModelSettings settings, HttpClient httpClient)
{
    private readonly ConcurrentDictionary<string, IChatClient> _clients = new(StringComparer.Ordinal);

    public IChatClient For(string model) => _clients.GetOrAdd(model, Create);

    private IChatClient Create(string model) =>
        new OpenAI.Chat.ChatClient(model, new ApiKeyCredential(settings.ApiKey!), ModelEndpointOptions.For(settings, httpClient)).AsIChatClient();
}
