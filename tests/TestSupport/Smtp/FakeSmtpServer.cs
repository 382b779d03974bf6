using System.Net;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;

namespace OrleansAssistant.TestSupport.Smtp;

/// <summary>
/// A plain SMTP server on loopback (no TLS, no login) that records what it receives and can be told
/// to refuse the next messages, standing in for Gmail in tests.
/// </summary>
public sealed class FakeSmtpServer : IAsyncDisposable
{
    private readonly RecordingMessageStore _store = new();
    private readonly CancellationTokenSource _stop = new();
    private Task _running = Task.CompletedTask;

    public int Port { get; } = FreePort.Next();

    public IReadOnlyList<MimeMessage> Received => [.. _store.Received];

    /// <summary>How many messages were refused so far.</summary>
    public int Rejected => _store.Rejected;

    public Task StartAsync()
    {
        var options = new SmtpServerOptionsBuilder()
            .ServerName("fake-smtp.test")
            .Endpoint(endpoint => endpoint.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(_store);
        _running = new SmtpServer.SmtpServer(options, services).StartAsync(_stop.Token);
        return Task.CompletedTask;
    }

    /// <summary>Refuses the next <paramref name="count"/> messages: 451 (local error, try again) unless another code is given.</summary>
    public void RejectNext(int count, SmtpReplyCode code = SmtpReplyCode.Aborted) => _store.RejectNext(count, code);

    /// <summary>Accepts every message again.</summary>
    public void AcceptAll() => _store.RejectNext(0, SmtpReplyCode.Aborted);

    public IReadOnlyList<MimeMessage> ReceivedWithSubject(string subject) =>
        Received.Where(message => message.Subject == subject).ToArray();

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try { await _running; }
        catch (OperationCanceledException) { }
        _stop.Dispose();
    }
}
