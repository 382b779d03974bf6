using System.Data.Common;
using OrleansAssistant.Grains.Storage.Sql;

namespace OrleansAssistant.Grains.Costs;

/// <summary>Whose questions a cost report covers: one user's or one organization's.</summary>
public sealed record CostScope
{
    private CostScope(long? userId, string? orgId) => (UserId, OrgId) = (userId, orgId);

    public long? UserId { get; }

    public string? OrgId { get; }

    public static CostScope User(long userId) => new(userId, null);

    public static CostScope Organization(string orgId) => new(null, orgId ?? throw new ArgumentNullException(nameof(orgId)));

    /// <summary>
    /// The condition on the row aliased <paramref name="alias"/> (a <c>Conversations</c> row or a daily total,
    /// both with UserId and OrgId), with its parameter bound.
    /// </summary>
    internal string Condition(string alias, DbCommand command)
    {
        if (UserId is { } userId)
        {
            command.AddParameter("@scopeUserId", userId);
            return $"{alias}.UserId = @scopeUserId";
        }
        command.AddParameter("@scopeOrgId", OrgId);
        return $"{alias}.OrgId = @scopeOrgId";
    }
}
