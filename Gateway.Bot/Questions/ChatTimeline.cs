using System.Collections.Concurrent;

namespace OrleansAssistant.Gateway.Bot.Questions;

/// <summary>
/// The newest message id this gateway has seen in each chat: questions and commands received, answers sent.
/// Message ids rise within a chat, so an answer whose question is no longer the newest message would land
/// under something else, and quotes its question instead.
/// </summary>
internal sealed class ChatTimeline
{
    private readonly ConcurrentDictionary<long, int> _latest = new();

    public void Saw(long chatId, int messageId) => _latest.AddOrUpdate(chatId, messageId, (_, latest) => Math.Max(latest, messageId));

    /// <summary>Whether anything came in or went out in the chat after <paramref name="messageId"/>.</summary>
    public bool HasNewerThan(long chatId, int messageId) => _latest.TryGetValue(chatId, out var latest) && latest > messageId;
}
