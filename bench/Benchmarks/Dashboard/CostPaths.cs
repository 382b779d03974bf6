namespace OrleansAssistant.Benchmarks.Dashboard;

/// <summary>The measured dashboard endpoints (see docs/dashboard-api.md).</summary>
internal static class CostPaths
{
    public const string Login = "/dashboard/login";
    public const string ByModel = "/dashboard/costs/by-model";
    public const string Overview = "/dashboard/costs/overview";
    public const string PerUser = "/dashboard/costs/per-user";
}
