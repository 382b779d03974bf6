using System.Text.Json.Nodes;

namespace OrleansAssistant.TestSupport.Telegram;

/// <summary>Every message in the fake's chats, so edits and button presses can refer to earlier ones.</summary>
internal sealed class ChatMessages
{
    private readonly object _gate = new();
    private readonly Dictionary<(long ChatId, int MessageId), JsonObject> _messages = [];
    private int _lastMessageId;

    /// <returns>A copy of the stored message.</returns>
    public JsonObject Add(long chatId, Func<int, JsonObject> buildMessage)
    {
        lock (_gate)
        {
            var messageId = ++_lastMessageId;
            var message = buildMessage(messageId);
            _messages[(chatId, messageId)] = message;
            return message.DeepClone().AsObject();
        }
    }

    public JsonObject? Find(long chatId, int messageId)
    {
        lock (_gate) return _messages.TryGetValue((chatId, messageId), out var message) ? message.DeepClone().AsObject() : null;
    }

    /// <summary>Applies <paramref name="edit"/> to the stored message atomically.</summary>
    /// <returns>A copy of the edited message.</returns>
    public JsonObject Edit(long chatId, int messageId, Action<JsonObject> edit)
    {
        lock (_gate)
        {
            if (!_messages.TryGetValue((chatId, messageId), out var message)) throw new BadBotApiRequestException("message to edit not found");
            edit(message);
            return message.DeepClone().AsObject();
        }
    }

    /// <exception cref="BadBotApiRequestException">No such message in that chat (never sent, or already deleted).</exception>
    public void Delete(long chatId, int messageId)
    {
        lock (_gate)
        {
            if (!_messages.Remove((chatId, messageId))) throw new BadBotApiRequestException("message to delete not found");
        }
    }
}
