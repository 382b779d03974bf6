namespace OrleansAssistant.Grains.Storage;

/// <summary>
/// The one grain storage provider every grain uses, and every state name. ADO.NET storage keys a row by
/// grain key + state name (not grain class), so each state name must be unique across grain classes.
/// </summary>
public static class StorageNames
{
    public const string Grains = "AssistantStore";

    public static class States
    {
        public const string User = "user";
        public const string Organization = "organization";
        public const string Invitation = "invitation";
        public const string DashboardAccount = "dashboardAccount";
        public const string DashboardLogin = "dashboardLogin";
        public const string DashboardSession = "dashboardSession";
        public const string DatabaseConnection = "databaseConnection";
        public const string Budget = "budget";
    }
}
