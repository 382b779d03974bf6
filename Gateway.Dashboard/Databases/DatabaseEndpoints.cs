using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using OrleansAssistant.Authorization;
using OrleansAssistant.Gateway.Dashboard.Http;
using OrleansAssistant.Gateway.Dashboard.Sessions;
using OrleansAssistant.Grains.Interfaces.Databases;

namespace OrleansAssistant.Gateway.Dashboard.Databases;

/// <summary>The organization's databases. Connection strings come in, are checked and stored encrypted, and never go out.</summary>
internal static class DatabaseEndpoints
{
    private const int MaxConnectionStringLength = 4000;
    private const string NotFound = "Your organization has no database with that id.";

    public static void MapDatabaseEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/databases", ListAsync).RequireAction(AssistantAction.ListDatabases)
            .WithSummary("The organization's databases, then the shared ones. Never connection strings.");
        api.MapPost("/databases/test", TestAsync).RequireAction(AssistantAction.TestDatabase)
            .WithSummary("Check that a connection string connects, storing nothing.")
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity).ProducesProblem(StatusCodes.Status429TooManyRequests);
        api.MapPost("/databases/create", CreateAsync).RequireAction(AssistantAction.CreateOrgDatabase)
            .WithSummary("Add a database for the whole organization (checked first; stored encrypted).")
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity).ProducesProblem(StatusCodes.Status429TooManyRequests);
        api.MapDelete("/databases/remove", RemoveAsync).RequireAction(AssistantAction.RemoveOrgDatabase)
            .WithSummary("Remove one of the organization's databases; it stops being anyone's active database.")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<Ok<IReadOnlyList<DatabaseView>>> ListAsync(DashboardCaller caller, IGrainFactory grains)
    {
        var usable = await grains.GetGrain<IDatabasesGrain>(0).ListUsableAsync(caller.UserId);
        IReadOnlyList<DatabaseView> views = usable
            .Where(db => db.OwnerOrgId == caller.OrgId || db.IsShared)
            .OrderBy(db => db.IsShared)
            .ThenBy(db => db.Name, StringComparer.OrdinalIgnoreCase)
            .Select(DatabaseView.From)
            .ToArray();
        return TypedResults.Ok(views);
    }

    private static async Task<Results<Ok<TestDatabaseResponse>, ValidationProblem, ProblemHttpResult>> TestAsync(
        TestDatabaseRequest? request, DashboardCaller caller, IGrainFactory grains)
    {
        if (ConnectionStringProblem(request?.ConnectionString) is { } invalid) return invalid;
        var result = await grains.GetGrain<IDatabasesGrain>(0).TestAsync(caller.UserId, request!.ConnectionString!);
        if (result.Succeeded) return TypedResults.Ok(new TestDatabaseResponse(result.Message, result.Warning));
        return InputProblem(result) is { } input ? input : Refusal(result);
    }

    private static async Task<Results<Created<CreateDatabaseResponse>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        CreateDatabaseRequest? request, DashboardCaller caller, IGrainFactory grains)
    {
        if (string.IsNullOrWhiteSpace(request?.Name)) return Problems.Invalid("name", "Give the database a name.");
        if (ConnectionStringProblem(request.ConnectionString) is { } invalid) return invalid;
        var result = await grains.GetGrain<IDatabasesGrain>(0).AddAsync(caller.UserId, request.Name, request.ConnectionString!);
        if (InputProblem(result) is { } input) return input;
        if (!result.Succeeded || result.Database is null) return Refusal(result);
        return TypedResults.Created("/dashboard/databases", new CreateDatabaseResponse(DatabaseView.From(result.Database), result.Warning));
    }

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> RemoveAsync(
        string? databaseId, DashboardCaller caller, IGrainFactory grains)
    {
        if (!DatabaseIds.IsWellFormed(databaseId)) return Problems.Invalid("databaseId", "Give the id of one of your organization's databases.");
        var info = await grains.GetGrain<IDatabaseConnectionGrain>(databaseId).GetInfoAsync();
        // Another organization's database is answered exactly like one that does not exist.
        if (info?.OwnerOrgId is not { } owner || !caller.MayTouch(AssistantAction.RemoveOrgDatabase, owner)) return Problems.NotFound(NotFound);
        var result = await grains.GetGrain<IDatabasesGrain>(0).RemoveAsync(caller.UserId, databaseId);
        return result.Succeeded ? TypedResults.NoContent() : Refusal(result);
    }

    private static ValidationProblem? ConnectionStringProblem(string? connectionString) =>
        string.IsNullOrWhiteSpace(connectionString) ? Problems.Invalid("connectionString", "Paste the database's connection string.")
        : connectionString.Length > MaxConnectionStringLength ? Problems.Invalid("connectionString", $"A connection string is at most {MaxConnectionStringLength} characters.")
        : null;

    /// <summary>The grain's refusals of the input itself, named by field so the form can show them in place.</summary>
    private static ValidationProblem? InputProblem(DatabaseResult result) => result.Error switch
    {
        DatabaseError.InvalidName => Problems.Invalid("name", result.Message),
        DatabaseError.InvalidConnectionString => Problems.Invalid("connectionString", result.Message),
        _ => null,
    };

    private static ProblemHttpResult Refusal(DatabaseResult result) => result.Error switch
    {
        DatabaseError.NotFound => Problems.NotFound(NotFound),
        DatabaseError.NotAllowed or DatabaseError.NotRegistered => Problems.Forbidden(result.Message),
        DatabaseError.TooManyTests => Problems.TooManyRequests(result.Message),
        _ => Problems.Unprocessable(result.Message),
    };
}

public sealed record TestDatabaseRequest(string? ConnectionString)
{
    public override string ToString() => "TestDatabaseRequest { ConnectionString = *** }";
}

public sealed record CreateDatabaseRequest(string? Name, string? ConnectionString)
{
    public override string ToString() => $"CreateDatabaseRequest {{ Name = {Name}, ConnectionString = *** }}";
}

public sealed record TestDatabaseResponse(string Message, string? Warning);

public sealed record CreateDatabaseResponse(DatabaseView Database, string? Warning);
