namespace OrleansAssistant.Grains.Audit;

/// <summary>The event types written to the activity log.</summary>
public static class ActivityEvents
{
    public const string UserRegistered = "user.registered";
    public const string OrganizationCreated = "organization.created";
    public const string MemberJoined = "organization.member_joined";
    public const string MemberAdded = "organization.member_added";
    public const string MemberRemoved = "organization.member_removed";
    public const string InvitationCreated = "invitation.created";
    public const string InvitationRevoked = "invitation.revoked";
    public const string DashboardPasswordReset = "dashboard.password_reset";
    public const string DatabaseAdded = "database.added";
    public const string DatabaseRemoved = "database.removed";
    public const string DatabaseWriteMode = "database.write_mode";
    public const string DatabaseWrite = "database.write";
    public const string QuestionAsked = "question.asked";
    public const string AnswerExported = "answer.exported";
    public const string AnswerRated = "answer.rated";
    public const string ExampleVerified = "example.verified";
    public const string ExampleUpdated = "example.updated";
    public const string ExampleRemoved = "example.removed";
    public const string GlossaryChanged = "glossary.changed";
    public const string BotCommand = "bot.command";
    public const string ConversationCleared = "conversation.cleared";
    public const string BudgetChanged = "budget.changed";
    public const string BudgetRefused = "budget.refused";
    public const string ModelsChanged = "models.changed";
    public const string EmailQueued = "email.queued";
    public const string EmailSent = "email.sent";
    public const string EmailFailed = "email.failed";
}
