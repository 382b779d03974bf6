using System.Collections.Concurrent;
using System.Diagnostics;

namespace OrleansAssistant.Benchmarks.Load;

/// <summary>
/// Commands from many chats at once: each chat sends <c>/myinfo</c>, waits for the reply and sends the next,
/// for a fixed time. The gateway handles chats side by side, so this is its command throughput.
/// </summary>
internal static class CommandBurst
{
    public const int Chats = 200;
    public const string Command = "/myinfo";
    public static readonly TimeSpan Length = TimeSpan.FromSeconds(15);

    public static async Task<CommandBurstResult> RunAsync(IReadOnlyList<SimulatedUser> users, CancellationToken cancellationToken)
    {
        var chats = users.Take(Chats).ToArray();
        Console.WriteLine($"  commands: {chats.Length} chats each sending {Command} as soon as the previous reply arrives, for {Length.TotalSeconds:0} s");
        var latencies = new ConcurrentBag<double>();
        var failed = 0;
        var begin = Stopwatch.GetTimestamp();
        await Task.WhenAll(chats.Select(user => Task.Run(async () =>
        {
            while (Stopwatch.GetElapsedTime(begin) < Length && !cancellationToken.IsCancellationRequested)
            {
                var (reply, startedAt) = await user.SayAsync(Command, reply => !reply.IsEdit, TimeSpan.FromSeconds(30));
                if (reply is null) Interlocked.Increment(ref failed);
                else latencies.Add(Stopwatch.GetElapsedTime(startedAt, reply.At).TotalMilliseconds);
            }
        }, cancellationToken)));
        var seconds = Stopwatch.GetElapsedTime(begin).TotalSeconds;
        return new CommandBurstResult(chats.Length, latencies.Count, failed, Math.Round(latencies.Count / seconds, 1), LatencySummary.Of([.. latencies]));
    }
}

