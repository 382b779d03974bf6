using Orleans.Concurrency;
using OrleansAssistant.Grains.Interfaces.Questions;

namespace OrleansAssistant.Grains.Interfaces.Users;

/// <summary>One person, keyed by their Telegram user id.</summary>
[Alias("OrleansAssistant.IUserGrain")]
public interface IUserGrain : IGrainWithIntegerKey
{
    /// <summary>Registers on first contact, refreshes the profile and last-seen time after that.</summary>
    [Alias("Register")]
    Task<UserInfo> RegisterAsync(TelegramProfile profile);

    /// <returns>Null when this person never registered.</returns>
    /// <remarks>A read that may interleave: a database grain asks while this user's question runs.</remarks>
    [AlwaysInterleave, Alias("GetInfo")]
    Task<UserInfo?> GetInfoAsync();

    /// <returns>Null when this person never registered.</returns>
    /// <remarks>
    /// A read that may interleave: calls made for this user outside a question (a gateway's command, a schedule's run) may
    /// check access while a question runs. A question itself hands the principal to the database grain with each call.
    /// </remarks>
    [AlwaysInterleave, Alias("GetPrincipal")]
    Task<Principal?> GetPrincipalAsync();

    /// <summary>Reserves this user for <paramref name="orgId"/> before the other steps of a join or org creation.</summary>
    [Alias("BeginMembership")]
    Task<MembershipStep> BeginMembershipAsync(string orgId, UserRole role);

    /// <summary>Makes the reserved membership real; idempotent.</summary>
    [Alias("CompleteMembership")]
    Task<MembershipStep> CompleteMembershipAsync(string orgId, UserRole role, string dashboardUsername);

    /// <summary>Drops a reservation that could not be completed (e.g. the invitation was refused).</summary>
    [Alias("AbandonMembership")]
    Task AbandonMembershipAsync(string orgId);

    /// <summary>Makes the user standalone again if they belong to <paramref name="orgId"/>; idempotent.</summary>
    [Alias("LeaveOrganization")]
    Task LeaveOrganizationAsync(string orgId);

    [Alias("AddPersonalDatabase")]
    Task AddPersonalDatabaseAsync(string databaseId);

    /// <summary>Drops a removed database from the personal list and from the active selection; idempotent.</summary>
    [Alias("ForgetDatabase")]
    Task ForgetDatabaseAsync(string databaseId);

    /// <summary>
    /// Puts a question in this person's line and returns at once: one question runs at a time, up to
    /// <c>MaxWaiting</c> more wait and are answered in the order they arrived, any beyond that are not
    /// taken (<see cref="AskAdmissionOutcome.LineFull"/>). A question leaves the line when the rate limit
    /// allows (1 per second, bursts of 3). The gateway calls this in the order messages arrived, then
    /// waits for the answer with <see cref="AskAsync"/> under the same request id.
    /// </summary>
    /// <param name="requestId">One id per message (the same id again joins the question already in line).</param>
    [AlwaysInterleave, Alias("QueueAsk")]
    Task<AskAdmission> QueueAskAsync(long chatId, string question, IQuestionProgress? progress, string requestId);

    /// <summary>
    /// Answers a plain-language question about the active database: joins the line as
    /// <see cref="QueueAskAsync"/> does (or finds the question already there) and waits for its turn and
    /// its answer. A question that finds the line full is answered <see cref="QuestionOutcome.QueueFull"/>.
    /// </summary>
    /// <param name="requestId">
    /// Makes the ask idempotent: the same id again (a gateway retrying after a silo died) returns the
    /// stored answer, or waits for the one in line, and never records a second conversation.
    /// At most one question of this user per id; null for a one-off ask.
    /// </param>
    [AlwaysInterleave, Alias("Ask")]
    Task<QuestionAnswer> AskAsync(long chatId, string question, IQuestionProgress? progress = null, string? requestId = null);

    /// <summary>Forgets the conversation so far in this chat (/clear); history rows stay for audit, marked cleared.</summary>
    [Alias("ClearConversation")]
    Task ClearConversationAsync(long chatId);

    /// <summary>Sets (or with null clears) the database questions go to.</summary>
    [Alias("SetActiveDatabase")]
    Task SetActiveDatabaseAsync(string? databaseId);

    /// <summary>Sets the IANA time zone (e.g. "Europe/Berlin") this person's schedules are read in; an unknown id changes nothing.</summary>
    [Alias("SetTimeZone")]
    Task<TimeZoneChange> SetTimeZoneAsync(string timeZone);
}
