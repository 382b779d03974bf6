namespace OrleansAssistant.Grains.Interfaces.Budgets;

/// <summary>What a budget has to tell a person in Telegram.</summary>
[GenerateSerializer, Alias("OrleansAssistant.BudgetNoticeKind")]
public enum BudgetNoticeKind
{
    /// <summary>80 % of a monthly budget is spent: told once per month to the owner (and the member, for a member budget).</summary>
    NearLimit,
    /// <summary>A chosen model lost its price, so the stage uses the installation's default: told once to the owner.</summary>
    ModelFallback,
}

/// <summary>A budget notice for one person's private chat, handed out once (<see cref="IBudgetNoticesGrain"/>). Data only; the bot words it.</summary>
/// <param name="MemberUserId">For a member budget: whose.</param>
/// <param name="Stage">For a fallback: the stage ("Summary", "Answer", "Email").</param>
[GenerateSerializer, Immutable, Alias("OrleansAssistant.BudgetNotice")]
public sealed record BudgetNotice(
    [property: Id(0)] long NoticeId,
    [property: Id(1)] long UserId,
    [property: Id(2)] BudgetNoticeKind Kind,
    [property: Id(3)] BudgetScope Scope,
    [property: Id(4)] string? OrgName = null,
    [property: Id(5)] decimal LimitUsd = 0,
    [property: Id(6)] decimal SpentUsd = 0,
    [property: Id(7)] DateTimeOffset ResetsAt = default,
    [property: Id(8)] long? MemberUserId = null,
    [property: Id(9)] string? Stage = null,
    [property: Id(10)] string? ChosenModel = null,
    [property: Id(11)] string? FallbackModel = null);

/// <summary>Budget notices for private chats; each is handed out once, to one gateway, by a conditional update of its row. Stateless: use key 0.</summary>
[Alias("OrleansAssistant.IBudgetNoticesGrain")]
public interface IBudgetNoticesGrain : IGrainWithIntegerKey
{
    [Alias("Take")]
    Task<IReadOnlyList<BudgetNotice>> TakeAsync(int max);
}
