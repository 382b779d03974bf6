using OrleansAssistant.Grains.Interfaces.Users;

namespace OrleansAssistant.Grains.Interfaces.Databases;

/// <summary>
/// One customer database (key: its id, <c>db_…</c>): the encrypted connection string, the schema
/// cache and guarded execution. Every call that reads the database checks the asker's access
/// afresh, so a removed member is refused at once.
/// </summary>
[Alias("OrleansAssistant.IDatabaseConnectionGrain")]
public interface IDatabaseConnectionGrain : IGrainWithStringKey
{
    /// <summary>Stores a verified connection; called by <see cref="IDatabasesGrain"/> only.</summary>
    [Alias("Create")]
    Task CreateAsync(DatabaseRegistration registration);

    /// <returns>Null when no database has this id.</returns>
    [Alias("GetInfo")]
    Task<DatabaseInfo?> GetInfoAsync();

    /// <summary>Whether <paramref name="userId"/> may use this database now.</summary>
    [Alias("CanUse")]
    Task<bool> CanUseAsync(long userId);

    /// <summary>The schema (cached for 30 minutes; <paramref name="refresh"/> reads it again).</summary>
    /// <returns>Null when the user may not use the database.</returns>
    /// <remarks>Reads the asker's principal from their user grain: for callers outside the silo's grains (gateways, tools).</remarks>
    [Alias("GetSchema")]
    Task<DatabaseSchema?> GetSchemaAsync(long userId, bool refresh = false);

    /// <summary>
    /// <see cref="GetSchemaAsync(long, bool)"/> for a grain that already holds the asker's principal (the user grain during a
    /// question): no call back into the asker's grain. Only the silo's own grains pass a principal; a gateway passes a user id.
    /// </summary>
    /// <param name="asker">The asker as their user grain's state says now; null when they are not registered.</param>
    [Alias("GetSchemaFor")]
    Task<DatabaseSchema?> GetSchemaAsync(Principal? asker, bool refresh = false);

    /// <summary>Runs one read-only statement within the limits (30 s, 1,000 rows, 10 at a time per user).</summary>
    /// <remarks>Reads the asker's principal from their user grain: for callers outside the question path (schedules, tools).</remarks>
    [Alias("Query")]
    Task<QueryResult> QueryAsync(long userId, string sql);

    /// <summary>
    /// <see cref="QueryAsync(long, string)"/> for a grain that already holds the asker's principal (the user grain during a
    /// question): the same access check on the principal passed, without a call back into the asker's grain. Only the silo's own
    /// grains pass a principal; a gateway passes a user id.
    /// </summary>
    /// <param name="asker">The asker as their user grain's state says now; null when they are not registered.</param>
    [Alias("QueryFor")]
    Task<QueryResult> QueryAsync(Principal? asker, string sql);

    /// <summary>
    /// Runs one read-only statement for a file export: the same access check and guard as <see cref="QueryAsync"/>,
    /// with a row cap of the export's own instead of the answer's 1,000.
    /// </summary>
    [Alias("Export")]
    Task<QueryResult> ExportAsync(long userId, string sql, int maxRows);

    /// <summary>
    /// Checks one INSERT or UPDATE for write mode and holds it for confirmation by the asking user.
    /// Nothing runs yet; the result's message says what would happen and carries the token.
    /// </summary>
    [Alias("ProposeWrite")]
    Task<WriteProposal> ProposeWriteAsync(long userId, string sql);

    /// <summary>
    /// Runs the exact statement held under <paramref name="token"/> once, for the user who asked, in a
    /// transaction; audited. Tokens expire after 10 minutes and die with the activation.
    /// </summary>
    [Alias("ExecuteConfirmedWrite")]
    Task<QueryResult> ExecuteConfirmedWriteAsync(long userId, string token);

    /// <summary>Turns write mode on or off; the owner only.</summary>
    [Alias("SetWriteMode")]
    Task<DatabaseResult> SetWriteModeAsync(long userId, bool enabled);

    /// <summary>Deactivates the database for good and forgets its secret; called by <see cref="IDatabasesGrain"/> only.</summary>
    [Alias("Remove")]
    Task RemoveAsync();
}
