namespace OrleansAssistant.Grains.Audit;

/// <summary>
/// Which gateway a request came through. Gateways put it in the Orleans request context, so it
/// follows the call into every grain without being a parameter of every method.
/// </summary>
public static class ActivitySource
{
    public const string ContextKey = "OrleansAssistant.Source";
    public const string Bot = "bot";
    public const string Dashboard = "dashboard";
    public const string System = "system";

    public static string Current => RequestContext.Get(ContextKey) as string ?? System;
}
