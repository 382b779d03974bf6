using Microsoft.Extensions.Hosting;

namespace OrleansAssistant.Gateway.Dashboard.Health;

/// <summary>
/// Holds a stopping process open for <see cref="DashboardSettings.ShutdownDrain"/>: it keeps serving, and
/// <c>/ready</c> already answers 503, so a load balancer polling it stops sending work before any
/// connection is refused. Runs between "stopping" being signalled and the server and silo stopping.
/// </summary>
internal sealed class ShutdownDrain(DashboardSettings settings) : IHostedLifecycleService
{
    public Task StoppingAsync(CancellationToken cancellationToken) =>
        settings.ShutdownDrain > TimeSpan.Zero ? Task.Delay(settings.ShutdownDrain, cancellationToken) : Task.CompletedTask;

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
