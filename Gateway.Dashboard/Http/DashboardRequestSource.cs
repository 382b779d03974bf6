namespace OrleansAssistant.Gateway.Dashboard.Http;

/// <summary>Tells the grains a call came from the dashboard, so the activity log can say where an action happened.</summary>
internal static class DashboardRequestSource
{
    // Must match the key the grains read (Grains/Audit/ActivitySource).
    private const string Key = "OrleansAssistant.Source";

    public static void Mark() => RequestContext.Set(Key, "dashboard");
}
