using OrleansAssistant.Grains.Interfaces.Databases;

namespace OrleansAssistant.Authorization;

/// <summary>
/// Whose thing an action touches: an organization's, one person's, or nobody's in particular.
/// At most one owner is ever set, which is why the only way in is through the factories.
/// </summary>
public sealed record ResourceScope
{
    private ResourceScope(string? orgId, long? ownerUserId)
    {
        OrgId = orgId;
        OwnerUserId = ownerUserId;
    }

    /// <summary>Tied to no organization and no person: only the role rules apply.</summary>
    public static ResourceScope None { get; } = new(null, null);

    /// <summary>The organization the resource belongs to, when it belongs to one.</summary>
    public string? OrgId { get; }

    /// <summary>The person who personally owns the resource, when one does.</summary>
    public long? OwnerUserId { get; }

    /// <summary>A resource of the organization <paramref name="orgId"/>, e.g. an org database or an invitation.</summary>
    public static ResourceScope ForOrganization(string orgId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(orgId);
        return new(orgId, null);
    }

    /// <summary>A resource personally owned by <paramref name="userId"/>, e.g. a personal database.</summary>
    public static ResourceScope ForUser(long userId) => new(null, userId);

    /// <summary>Whose a customer database is: a person's, an organization's, or nobody's in particular (the shared demo database).</summary>
    public static ResourceScope ForDatabase(DatabaseInfo database) => database switch
    {
        { IsShared: true } => None,
        { OwnerUserId: { } ownerId } => ForUser(ownerId),
        { OwnerOrgId: { Length: > 0 } orgId } => ForOrganization(orgId),
        _ => None,
    };
}
