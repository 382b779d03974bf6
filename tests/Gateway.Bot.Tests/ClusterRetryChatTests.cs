using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using OrleansAssistant.Gateway.Bot.Resilience;
using OrleansAssistant.Gateway.Bot.Terminal;
using OrleansAssistant.Grains.Interfaces.Audit;
using OrleansAssistant.Grains.Interfaces.Questions;
using OrleansAssistant.Grains.Interfaces.Users;
using OrleansAssistant.Hosting.Resilience;

namespace OrleansAssistant.Gateway.Bot.Tests;

/// <summary>
/// The router's questions and commands while a silo is dead: retried with the same request id, and
/// when the cluster stays away, an explicit "please send it again" instead of silence or an apology.
/// </summary>
public sealed class ClusterRetryChatTests
{
    private const long UserId = 4242;

    [Fact]
    public async Task Question_SiloBackAfterTwoFailures_IsAnswered_AndEveryAttemptCarriesTheSameRequestId()
    {
        var requestIds = new ConcurrentQueue<string?>();
        var grains = ScriptedGrains.Create((grain, method, args) =>
        {
            if (method.Name == nameof(IUserGrain.QueueAskAsync)) return Task.FromResult(new AskAdmission(AskAdmissionOutcome.InLine));
            if (method.Name != nameof(IUserGrain.AskAsync)) throw new NotSupportedException(method.Name);
            requestIds.Enqueue((string?)args[3]);
            return requestIds.Count <= 2
                ? Task.FromException<QuestionAnswer>(new SiloUnavailableException())
                : Task.FromResult(new QuestionAnswer(QuestionOutcome.Answered, "Forty-two customers."));
        });

        var output = await ChatAsync(grains, "How many customers?\n");

        Assert.Contains("Forty-two customers.", output, StringComparison.Ordinal);
        Assert.Equal(3, requestIds.Count);
        Assert.Single(requestIds.Distinct());
        Assert.StartsWith($"tg_{UserId}_", requestIds.First(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Question_ClusterDownForTheWholeBudget_IsAnsweredWithPleaseRetry()
    {
        var grains = ScriptedGrains.Create((_, method, _) => method.Name == nameof(IUserGrain.QueueAskAsync)
            ? Task.FromException<AskAdmission>(OrleansErrors.Rejection())
            : Task.FromException<QuestionAnswer>(OrleansErrors.Rejection()));

        var output = await ChatAsync(grains, "How many customers?\n");

        Assert.Contains(ClusterRetryTexts.Question, output, StringComparison.Ordinal);
        Assert.DoesNotContain(UpdateFailuresApology, output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Command_ClusterDownForTheWholeBudget_IsAnsweredWithPleaseRetry()
    {
        var grains = ScriptedGrains.Create((grain, method, _) => grain == typeof(IActivityLogGrain)
            ? Task.CompletedTask
            : Task.FromException<Principal?>(new SiloUnavailableException()));

        var output = await ChatAsync(grains, "/myinfo\n");

        Assert.Contains(ClusterRetryTexts.Command, output, StringComparison.Ordinal);
        Assert.DoesNotContain(UpdateFailuresApology, output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Command_OrdinaryFailure_StillGetsTheApology()
    {
        var grains = ScriptedGrains.Create((grain, method, _) => grain == typeof(IActivityLogGrain)
            ? Task.CompletedTask
            : Task.FromException<Principal?>(new InvalidOperationException("a bug")));

        var output = await ChatAsync(grains, "/myinfo\n");

        Assert.Contains(UpdateFailuresApology, output, StringComparison.Ordinal);
    }

    private static string UpdateFailuresApology =>
        (string)typeof(BotGateway).Assembly.GetType("OrleansAssistant.Gateway.Bot.UpdateFailures")!
            .GetField("Apology", BindingFlags.NonPublic | BindingFlags.Static)!.GetValue(null)!;

    /// <summary>Runs the script through the real router, with a one-second retry budget.</summary>
    private static async Task<string> ChatAsync(IGrainFactory grains, string script)
    {
        var output = new StringWriter();
        await using var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton(grains)
            .AddSingleton(new TelegramSettings { ClusterRetry = TimeSpan.FromSeconds(1) })
            .AddTerminalChat(new TerminalUser(UserId, "Ada"), output, echoInput: true)
            .BuildServiceProvider();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await services.GetRequiredService<TerminalChat>().RunAsync(new StringReader(script), timeout.Token);
        return output.ToString();
    }
}
