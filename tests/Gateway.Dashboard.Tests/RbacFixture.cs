namespace OrleansAssistant.Gateway.Dashboard.Tests;

/// <summary>One dashboard host with two organizations, A (whose ids the table is about) and B (the other owner's).</summary>
public sealed class RbacFixture : IAsyncLifetime
{
    public DashboardHost Host { get; } = new();

    public TestOrganization A { get; private set; } = null!;

    public TestOrganization B { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Host.InitializeAsync();
        A = await Host.NewOrganizationAsync("Alpha");
        B = await Host.NewOrganizationAsync("Beta");
    }

    public Task DisposeAsync() => Host.DisposeAsync();
}
