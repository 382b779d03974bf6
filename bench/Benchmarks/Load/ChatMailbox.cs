using System.Threading.Channels;
using OrleansAssistant.TestSupport.Telegram;

namespace OrleansAssistant.Benchmarks.Load;

/// <summary>What the bot sent to one chat, in arrival order: texts, and separately the messages carrying a database keyboard.</summary>
internal sealed class ChatMailbox
{
    private readonly Channel<BotReply> _replies = Channel.CreateUnbounded<BotReply>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Channel<SentMessage> _keyboards = Channel.CreateUnbounded<SentMessage>(new UnboundedChannelOptions { SingleReader = true });

    public void Add(BotReply reply) => _replies.Writer.TryWrite(reply);

    public void AddKeyboard(SentMessage message) => _keyboards.Writer.TryWrite(message);

    /// <summary>Forgets what arrived before the user's next message, so it cannot pass for the answer to it.</summary>
    public void Clear()
    {
        while (_replies.Reader.TryRead(out _)) { }
        while (_keyboards.Reader.TryRead(out _)) { }
    }

    /// <returns>The first reply that <paramref name="isFinal"/> accepts, or null when none came in time.</returns>
    public async Task<BotReply?> WaitAsync(Func<BotReply, bool> isFinal, CancellationToken patience)
    {
        try
        {
            while (true)
            {
                var reply = await _replies.Reader.ReadAsync(patience);
                if (isFinal(reply)) return reply;
            }
        }
        catch (OperationCanceledException) when (patience.IsCancellationRequested)
        {
            return null;
        }
    }

    public async Task<SentMessage?> WaitForKeyboardAsync(CancellationToken patience)
    {
        try
        {
            return await _keyboards.Reader.ReadAsync(patience);
        }
        catch (OperationCanceledException) when (patience.IsCancellationRequested)
        {
            return null;
        }
    }
}
