namespace OrleansAssistant.Grains.Interfaces.Dashboard;

/// <summary>A dashboard login with its plain password: returned once, to be sent privately, never stored.</summary>
[GenerateSerializer, Immutable, Alias("OrleansAssistant.DashboardCredentials")]
public sealed record DashboardCredentials(
    [property: Id(0)] string Username,
    [property: Id(1)] string Password)
{
    // Keeps the password out of logs and debugger displays that print records.
    public override string ToString() => $"DashboardCredentials {{ Username = {Username}, Password = *** }}";
}
