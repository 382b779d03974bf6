using OrleansAssistant.Grains.Interfaces.Users;
using OrleansAssistant.Grains.Interfaces.VerifiedQueries;

namespace OrleansAssistant.Gateway.Dashboard.Tests;

/// <summary>Requests of the access table that name organization A's question, database or verified example, each made fresh.</summary>
public static class RbacLibraryRequests
{
    private const string Sql = "SELECT name FROM customers";

    public static async Task<RbacRequest> QuestionOfA(RbacFixture f, RbacCaller caller)
    {
        var database = await f.Host.AddSqliteDatabaseAsync(f.A.OwnerId);
        var conversationId = await f.Host.RecordAsync(f.A.MemberId, f.A.OrgId, database.DatabaseId, "Who are our customers?", Sql);
        return new RbacRequest($"/dashboard/questions/{conversationId}");
    }

    public static async Task<RbacRequest> Library(RbacFixture f, RbacCaller caller) =>
        new($"{await LibraryPathAsync(f)}");

    public static async Task<RbacRequest> Try(RbacFixture f, RbacCaller caller) =>
        new($"{await LibraryPathAsync(f)}/try", new { sql = Sql });

    public static async Task<RbacRequest> Verify(RbacFixture f, RbacCaller caller)
    {
        var database = await f.Host.AddSqliteDatabaseAsync(f.A.OwnerId);
        return new RbacRequest(PathOf(database.DatabaseId), new { question = "Who are our customers?", sql = Sql },
            TargetUntouched: async () => (await ViewAsync(f, database.DatabaseId)).Examples.Count == 0);
    }

    public static async Task<RbacRequest> Update(RbacFixture f, RbacCaller caller)
    {
        var (databaseId, example) = await ExampleOfAAsync(f);
        return new RbacRequest($"{PathOf(databaseId)}/{example.ExampleId}", new { question = "Changed?", sql = "SELECT id FROM customers" },
            TargetUntouched: async () => (await ViewAsync(f, databaseId)).Examples.Single().Question == example.Question);
    }

    public static async Task<RbacRequest> Remove(RbacFixture f, RbacCaller caller)
    {
        var (databaseId, example) = await ExampleOfAAsync(f);
        return new RbacRequest($"{PathOf(databaseId)}/{example.ExampleId}",
            TargetUntouched: async () => (await ViewAsync(f, databaseId)).Examples.Count == 1);
    }

    public static async Task<RbacRequest> Glossary(RbacFixture f, RbacCaller caller)
    {
        var database = await f.Host.AddSqliteDatabaseAsync(f.A.OwnerId);
        return new RbacRequest($"/dashboard/databases/{database.DatabaseId}/glossary", new[] { new { term = "customer", meaning = "anyone who ordered" } },
            TargetUntouched: async () => (await ViewAsync(f, database.DatabaseId)).Glossary.Count == 0);
    }

    private static async Task<string> LibraryPathAsync(RbacFixture f) => PathOf((await f.Host.AddSqliteDatabaseAsync(f.A.OwnerId)).DatabaseId);

    private static string PathOf(string databaseId) => $"/dashboard/databases/{databaseId}/library";

    private static async Task<(string DatabaseId, VerifiedExample Example)> ExampleOfAAsync(RbacFixture f)
    {
        var database = await f.Host.AddSqliteDatabaseAsync(f.A.OwnerId);
        var verified = await LibraryOf(f, database.DatabaseId).VerifyAsync(await OwnerOfAAsync(f), new ExampleDraft("Who are our customers?", Sql));
        Assert.True(verified.Succeeded, $"{verified.Status}: {verified.Problem}");
        return (database.DatabaseId, verified.Example!);
    }

    private static async Task<LibraryView> ViewAsync(RbacFixture f, string databaseId) =>
        (await LibraryOf(f, databaseId).ViewAsync(await OwnerOfAAsync(f)))!;

    private static IVerifiedQueriesGrain LibraryOf(RbacFixture f, string databaseId) =>
        f.Host.Grains.GetGrain<IVerifiedQueriesGrain>(VerifiedQueryKeys.KeyOf(databaseId));

    private static async Task<Principal> OwnerOfAAsync(RbacFixture f) =>
        (await f.Host.Grains.GetGrain<IUserGrain>(f.A.OwnerId).GetPrincipalAsync())!;
}
