using OrleansAssistant.Grains.Interfaces.Databases;
using OrleansAssistant.Grains.Interfaces.Users;

namespace OrleansAssistant.Benchmarks.Load;

/// <summary>
/// The fast way in for the open loop: each user is registered, given a personal database of one kind and has it
/// selected by calling the grains the bot's /start, /adddb and /selectdb call, many users at once, without the chat
/// round trips. No organizations: every user is standalone.
/// </summary>
internal static class GrainUserSetup
{
    private const int AtOnce = 64;

    public static async Task RunAsync(IClusterClient cluster, IReadOnlyList<SimulatedUser> users, CustomerDatabases databases, CustomerDatabaseKind kind, CancellationToken cancellationToken)
    {
        var namePart = kind == CustomerDatabaseKind.Sqlite ? UserSetup.SqliteNamePart : UserSetup.PostgresNamePart;
        var registry = cluster.GetGrain<IDatabasesGrain>(0);
        var options = new ParallelOptions { MaxDegreeOfParallelism = AtOnce, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(users, options, async (user, _) =>
        {
            await cluster.GetGrain<IUserGrain>(user.Id).RegisterAsync(new TelegramProfile(user.Id, $"load{user.Id}", "Load", null, "en"));
            var added = await registry.AddAsync(user.Id, $"My{namePart}", databases.NextConnectionString());
            if (!added.Succeeded || added.Database is null) throw new InvalidOperationException($"User {user.Id}: adding a database failed: {added.Message}");
            if (!added.IsSelected)
            {
                var selected = await registry.SelectAsync(user.Id, added.Database.DatabaseId);
                if (!selected.Succeeded) throw new InvalidOperationException($"User {user.Id}: selecting a database failed: {selected.Message}");
            }
            user.DatabaseNamePart = namePart;
        });
    }
}
