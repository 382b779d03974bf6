namespace OrleansAssistant.Grains.Interfaces.Databases;

/// <summary>
/// Adding, removing, listing and selecting databases for a user: the steps that touch the user,
/// organization and connection grains. Stateless: use key 0.
/// </summary>
[Alias("OrleansAssistant.IDatabasesGrain")]
public interface IDatabasesGrain : IGrainWithIntegerKey
{
    /// <summary>
    /// Parses, verifies (open + <c>SELECT 1</c>, 10 s) and stores a connection: personal for a
    /// standalone user, the organization's for an owner; refused for members.
    /// </summary>
    [Alias("Add")]
    Task<DatabaseResult> AddAsync(long userId, string name, string connectionString);

    /// <summary>
    /// Parses and verifies a connection string exactly as <see cref="AddAsync"/> would, for someone who
    /// may add a database, and stores nothing. On success the result's message describes the database.
    /// </summary>
    [Alias("Test")]
    Task<DatabaseResult> TestAsync(long userId, string connectionString);

    /// <summary>Removes a database (its owner, or the owner of its organization); clears it wherever it was selected.</summary>
    [Alias("Remove")]
    Task<DatabaseResult> RemoveAsync(long userId, string databaseId);

    /// <summary>The databases this user may use: personal, their organization's, and shared ones.</summary>
    [Alias("ListUsable")]
    Task<IReadOnlyList<DatabaseInfo>> ListUsableAsync(long userId);

    /// <summary>Makes a usable database the one questions go to.</summary>
    [Alias("Select")]
    Task<DatabaseResult> SelectAsync(long userId, string databaseId);
}
