using System.Text.RegularExpressions;

namespace OrleansAssistant.Benchmarks.Load;

/// <summary>
/// Brings the simulated users in through the bot, as people would: everyone sends /start; the first half form
/// organizations (the owner /createorg, /adddb for the organization and /invite; the others /join) and share the
/// organization's databases; the rest /adddb personal ones. Everyone has one database on SQLite and one on
/// PostgreSQL, so runs on either share the cluster; <see cref="SelectAsync"/> picks one through /selectdb.
/// </summary>
internal static partial class UserSetup
{
    public const int OrganizationSize = 25;
    public const string SqliteNamePart = "Lite";
    public const string PostgresNamePart = "Pg";
    private const int AtOnce = 50;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    public static async Task RunAsync(IReadOnlyList<SimulatedUser> users, CustomerDatabases sqlite, CustomerDatabases postgres, CancellationToken cancellationToken)
    {
        var organizations = users.Take(users.Count / 2).Chunk(OrganizationSize).ToArray();
        var personal = users.Skip(users.Count / 2).ToArray();
        var options = Options(cancellationToken);

        await Parallel.ForEachAsync(users, options, async (user, _) => await user.CommandAsync("/start", "Welcome", Patience));

        var codes = new string[organizations.Length];
        await Parallel.ForEachAsync(Enumerable.Range(0, organizations.Length), options, async (index, _) =>
        {
            var owner = organizations[index][0];
            await owner.CommandAsync($"/createorg LoadOrg{index + 1}", "created", Patience);
            await owner.CommandAsync($"/adddb Org{SqliteNamePart}{index + 1} {sqlite.NextConnectionString()}", "added", Patience);
            await owner.CommandAsync($"/adddb Org{PostgresNamePart}{index + 1} {postgres.NextConnectionString()}", "added", Patience);
            var invitation = await owner.CommandAsync("/invite 1000 90", "Invitation code", Patience);
            codes[index] = InvitationCode().Match(invitation) is { Success: true } match
                ? match.Groups[1].Value
                : throw new InvalidOperationException($"No invitation code in: {invitation}");
        });

        var joiners = organizations.SelectMany((members, index) => members.Skip(1).Select(member => (member, index)));
        await Parallel.ForEachAsync(joiners, options, async (joiner, _) =>
            await joiner.member.CommandAsync($"/join {codes[joiner.index]}", "You joined", Patience));
        await Parallel.ForEachAsync(personal, options, async (user, _) =>
        {
            await user.CommandAsync($"/adddb My{SqliteNamePart} {sqlite.NextConnectionString()}", "added", Patience);
            await user.CommandAsync($"/adddb My{PostgresNamePart} {postgres.NextConnectionString()}", "added", Patience);
        });
    }

    /// <summary>Every user /selectdb's and presses the database of <paramref name="kind"/>; their later /selectdb's press it again.</summary>
    public static async Task SelectAsync(IReadOnlyList<SimulatedUser> users, CustomerDatabaseKind kind, CancellationToken cancellationToken)
    {
        await Parallel.ForEachAsync(users, Options(cancellationToken), async (user, _) =>
        {
            user.DatabaseNamePart = kind == CustomerDatabaseKind.Sqlite ? SqliteNamePart : PostgresNamePart;
            var selected = await user.SelectDatabaseAsync(Patience);
            if (selected.Outcome != ActionOutcome.Done) throw new InvalidOperationException($"User {user.Id} could not select a database: {selected.FailureText}");
        });
    }

    private static ParallelOptions Options(CancellationToken cancellationToken) => new() { MaxDegreeOfParallelism = AtOnce, CancellationToken = cancellationToken };

    [GeneratedRegex("<code>([^<]+)</code>")]
    private static partial Regex InvitationCode();
}
