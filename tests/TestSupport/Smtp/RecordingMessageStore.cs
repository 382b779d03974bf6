using System.Buffers;
using System.Collections.Concurrent;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace OrleansAssistant.TestSupport.Smtp;

/// <summary>Keeps every accepted message, or refuses the next ones when told to.</summary>
internal sealed class RecordingMessageStore : MessageStore
{
    private int _toReject;
    private int _rejected;
    private SmtpReplyCode _rejectWith = SmtpReplyCode.Aborted;

    public ConcurrentQueue<MimeMessage> Received { get; } = new();

    public int Rejected => _rejected;

    public void RejectNext(int count, SmtpReplyCode code)
    {
        _rejectWith = code;
        Interlocked.Exchange(ref _toReject, count);
    }

    public override Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
    {
        if (Interlocked.Decrement(ref _toReject) >= 0)
        {
            Interlocked.Increment(ref _rejected);
            return Task.FromResult(new SmtpResponse(_rejectWith, "Rejected by the test"));
        }
        Interlocked.Exchange(ref _toReject, 0);
        using var stream = new MemoryStream(buffer.ToArray());
        Received.Enqueue(MimeMessage.Load(stream, cancellationToken));
        return Task.FromResult(SmtpResponse.Ok);
    }
}
