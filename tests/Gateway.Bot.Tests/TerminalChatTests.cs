using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using OrleansAssistant.Gateway.Bot.Terminal;
using OrleansAssistant.Hosting;
using OrleansAssistant.TestSupport;
using OrleansAssistant.TestSupport.Models;

namespace OrleansAssistant.Gateway.Bot.Tests;

/// <summary>The bot driven from a terminal script against a real silo: same router, no Telegram.</summary>
public sealed class TerminalChatTests(TerminalChatSilo fixture) : IClassFixture<TerminalChatSilo>
{
    [Fact]
    public async Task Script_StartSelectDemoAndAsk_PrintsWelcomeButtonsSelectionTypingAndTheAnswer()
    {
        fixture.Model.EnqueueJson(new { way = "SqlQuery", sql = "SELECT count(*) AS regions FROM regions", answer = (string?)null }, 400, 40);
        fixture.Model.EnqueueText("The company works in several regions.", 300, 20);

        var output = await fixture.ChatAsync("/start\n/selectdb\n#1\nHow many regions do we have?\nquit\n");

        Assert.Contains("Welcome, Ada!", output, StringComparison.Ordinal);
        Assert.Contains("[1] Demo Sales", output, StringComparison.Ordinal);
        // A newcomer starts on Demo Sales, so choosing it again is told on the button only.
        Assert.Contains("(Already selected: your questions go to this database.)", output, StringComparison.Ordinal);
        Assert.Contains("… typing", output, StringComparison.Ordinal);
        Assert.Contains("The company works in several regions.", output, StringComparison.Ordinal);
        Assert.DoesNotContain("↻", output, StringComparison.Ordinal); // a quick answer comes alone, no progress message to edit
        Assert.Contains(" tokens · $", output, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", output, StringComparison.Ordinal);
        // The chat waited for the answer before reading "quit": the footer and the answer's buttons are the last lines printed.
        var lines = output.TrimEnd().Split('\n');
        Assert.Matches(@"^[\d,]+ tokens · \$\d+\.\d{5}$", lines[^2]);
        Assert.Equal("[1] 👍  [2] 👎  [3] ⬇ CSV  [4] More ▾", lines[^1]);
    }

    [Fact]
    public async Task ChartAndCsv_AreWrittenToTheFilesFolder_AndTheirPathsPrinted()
    {
        const string sql = "SELECT r.name AS region, count(*) AS customers FROM customers c JOIN regions r ON r.id = c.region_id GROUP BY r.name";
        fixture.Model.EnqueueJson(new { way = "SqlQuery", sql, answer = (string?)null }, 400, 40);
        fixture.Model.EnqueueText("Customers are spread over the regions.", 300, 20);

        var output = await fixture.ChatAsync("/start\nHow many customers per region?\n#3\nquit\n");

        var saved = System.Text.RegularExpressions.Regex.Matches(output, @"\((chart|file) saved to (?<path>[^)]+)\)").Select(match => match.Groups["path"].Value).ToList();
        Assert.Equal(2, saved.Count);
        Assert.EndsWith("chart.png", saved[0], StringComparison.Ordinal);
        Assert.EndsWith("how-many-customers-per-region.csv", saved[1], StringComparison.Ordinal);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], (await File.ReadAllBytesAsync(saved[0]))[..4]);
        var csv = await File.ReadAllBytesAsync(saved[1]);
        Assert.Equal([0xEF, 0xBB, 0xBF], csv[..3]);
        Assert.StartsWith("region,customers\r\n", System.Text.Encoding.UTF8.GetString(csv[3..]), StringComparison.Ordinal);
        Assert.StartsWith(fixture.FilesFolder, saved[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task MoreAndThumbsDown_OpenTheRestOfTheButtons_AndTheNextLineRepliesToTheReasonPrompt()
    {
        fixture.Model.EnqueueJson(new { way = "SqlQuery", sql = "SELECT name FROM regions ORDER BY name", answer = (string?)null }, 400, 40);
        fixture.Model.EnqueueText("Here are the regions.", 300, 20);

        var output = await fixture.ChatAsync("/start\nWhich regions are there?\n#4\n#2\nThe list misses the new region\nquit\n");

        Assert.Contains("↻ [1] 👍  [2] 👎  [3] ⬇ CSV  [4] Less ▴  [5] ⬇ Excel  [6] ⬇ JSON", output, StringComparison.Ordinal);
        Assert.Contains("What was wrong? Reply to this message with one line — or just carry on.", output, StringComparison.Ordinal);
        Assert.Contains("(your next line replies to this message)", output, StringComparison.Ordinal);
        Assert.Contains("↻ [1] 👍  [2] 👎 ✓  [3] ⬇ CSV  [4] Less ▴  [5] ⬇ Excel  [6] ⬇ JSON", output, StringComparison.Ordinal);
        Assert.EndsWith("Thanks, noted.", output.TrimEnd(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChatCommand_WithASiloRunning_SaysWhereItConnects_ThenTheBannerBeforeTheFirstReply()
    {
        var (exitCode, output) = await TerminalChatSilo.RunCommandAsync(fixture.GatewayPort, "/start\nquit\n", fixture.FilesFolder);

        Assert.Equal(0, exitCode);
        var lines = output.Split('\n').Select(line => line.TrimEnd('\r')).ToList();
        Assert.Equal($"Connecting to the cluster at 127.0.0.1:{fixture.GatewayPort} …", lines[0]);
        Assert.Equal($"Connected to the cluster at 127.0.0.1:{fixture.GatewayPort}. Type /start or a question; #N presses button N; quit ends.", lines[1]);
        Assert.Equal("> /start", lines[2]);
        Assert.StartsWith("Welcome, Ada!", lines[3], StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChatCommand_WithNoSiloRunning_SaysSoPlainly_AndExitsWithTheClusterUnreachableCode()
    {
        var port = FreePort.Next();

        var (exitCode, output) = await TerminalChatSilo.RunCommandAsync(port, "/start\nquit\n", fixture.FilesFolder, "--Cluster:ConnectAttempts=1");

        Assert.Equal(GatewayRunner.ClusterUnreachable, exitCode);
        Assert.Equal(
            $"Connecting to the cluster at 127.0.0.1:{port} …\n"
            + $"No silo is running at 127.0.0.1:{port}: start one with 'dotnet run --project Silo' (or check that Cluster:* matches the silo's settings), then start the chat again.",
            output.ReplaceLineEndings("\n").TrimEnd());
    }

    [Fact]
    public async Task FirstStart_OnTheDemoDatabase_SaysWhereQuestionsGoAndHowToAddYourOwn()
    {
        var output = await fixture.ChatAsync("/start\n");

        var lines = output.Split('\n').Select(line => line.TrimEnd('\r')).ToList();
        var welcome = lines.FindIndex(line => line.StartsWith("Welcome, Ada!", StringComparison.Ordinal));
        Assert.Equal("Your questions go to Demo Sales, a demo database everyone can try.", lines[welcome + 2]);
        Assert.Equal("To ask about your own data, add your database with /adddb <name> <connection string>.", lines[welcome + 3]);
    }

    [Fact]
    public async Task Help_ListsTheCommands()
    {
        var output = await fixture.ChatAsync("/start\n/help\n");

        Assert.Contains("/selectdb", output, StringComparison.Ordinal);
        Assert.Contains("/myinfo", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PressWithoutKeyboard_SaysThereIsNoSuchButton()
    {
        var output = await fixture.ChatAsync("#3\n");

        Assert.Contains("(there is no button 3 to press)", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new string[0], "--user <telegram user id> is required")]
    [InlineData(new[] { "--user", "abc" }, "--user must be a positive number (got 'abc')")]
    public void Arguments_WithoutANumericUser_AreRefusedInOneLine(string[] args, string error)
    {
        Assert.Null(TerminalUser.Parse(args, out var message));
        Assert.Contains(error, message, StringComparison.Ordinal);
    }
}

/// <summary>A silo with the demo database and a fake model; each chat is a new person.</summary>
public sealed class TerminalChatSilo : IAsyncLifetime
{
    private readonly TempDirectory _folder = new();
    private long _nextUserId = 900_000 + Random.Shared.Next(100_000) * 10;

    public FakeModelServer Model { get; } = new();
    public InProcessSilo Silo { get; private set; } = null!;

    /// <summary>The port the silo takes cluster clients on, as <c>Cluster:GatewayPort</c>.</summary>
    public int GatewayPort { get; private set; }

    /// <summary>Where the chats' charts and files are written.</summary>
    public string FilesFolder => Path.Combine(_folder.Path, "chat-files");

    public async Task InitializeAsync()
    {
        await Model.StartAsync();
        var settings = InProcessSilo.BaseSettings(_folder.Path);
        settings["Databases:DemoDatabase"] = "true";
        settings["Model:BaseUrl"] = Model.BaseUrl.ToString();
        settings["Model:ApiKey"] = "test-key";
        settings["Model:TimeoutSeconds"] = "5";
        GatewayPort = int.Parse(settings["Cluster:GatewayPort"]!, CultureInfo.InvariantCulture);
        Silo = await InProcessSilo.StartAsync(settings);
    }

    /// <summary>Runs <c>chat</c> as the process would, as a cluster client of the silo at <paramref name="gatewayPort"/>; returns its exit code and stdout.</summary>
    public static async Task<(int ExitCode, string Output)> RunCommandAsync(int gatewayPort, string script, string filesFolder, params string[] settings)
    {
        var output = new StringWriter();
        var userId = 800_000 + Random.Shared.Next(100_000);
        string[] args =
        [
            TerminalChatCommand.Name, "--user", userId.ToString(CultureInfo.InvariantCulture), "--name", "Ada", "--files", filesFolder,
            $"--Cluster:GatewayPort={gatewayPort}", .. settings,
        ];
        var exitCode = await TerminalChatCommand.RunAsync(args, new StringReader(script), output, echoInput: true).WaitAsync(TimeSpan.FromSeconds(60));
        return (exitCode, output.ToString());
    }

    /// <summary>Runs <paramref name="script"/> as a new person named Ada and returns everything printed.</summary>
    public async Task<string> ChatAsync(string script)
    {
        var output = new StringWriter();
        var user = new TerminalUser(Interlocked.Increment(ref _nextUserId), "Ada") { FilesFolder = FilesFolder };
        await using var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton(Silo.Grains)
            .AddTerminalChat(user, output, echoInput: true)
            .BuildServiceProvider();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await services.GetRequiredService<TerminalChat>().RunAsync(new StringReader(script), timeout.Token);
        return output.ToString();
    }

    public async Task DisposeAsync()
    {
        await Silo.DisposeAsync();
        await Model.DisposeAsync();
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }
}
