using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OrleansAssistant.Grains.Interfaces.Users;
using OrleansAssistant.Hosting;
using OrleansAssistant.TestSupport;

namespace OrleansAssistant.Silo.Tests;

/// <summary>With Cluster:Tls configured, only a process holding the installation's certificate reaches the grains.</summary>
public sealed class ClusterTlsTests
{
    [Fact]
    public async Task ClientWithoutTheCertificate_CannotCallAGrain_AndWithItEverythingWorks()
    {
        using var folder = new TempDirectory();
        var certificatePath = Path.Combine(folder.Path, "cluster.pfx");
        await File.WriteAllBytesAsync(certificatePath, SelfSigned("orleans-assistant-test", "pfx-password"));
        var settings = InProcessSilo.BaseSettings(Path.Combine(folder.Path, "data"));
        settings["Cluster:Tls:CertificatePath"] = certificatePath;
        settings["Cluster:Tls:CertificatePassword"] = "pfx-password";
        await using var silo = await InProcessSilo.StartAsync(settings);

        var plain = new Dictionary<string, string?>(settings);
        plain.Remove("Cluster:Tls:CertificatePath");
        var otherPath = Path.Combine(folder.Path, "other.pfx");
        await File.WriteAllBytesAsync(otherPath, SelfSigned("orleans-assistant-test", "pfx-password"));
        var stranger = new Dictionary<string, string?>(settings) { ["Cluster:Tls:CertificatePath"] = otherPath };

        Assert.False(await CanCallAsync(plain));
        Assert.False(await CanCallAsync(stranger));
        Assert.True(await CanCallAsync(settings));
    }

    private static async Task<bool> CanCallAsync(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Configuration["Cluster:ConnectAttempts"] = "1";
        builder.AddClusterClient();
        using var host = builder.Build();
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            await host.StartAsync(timeout.Token);
            var grains = host.Services.GetRequiredService<IGrainFactory>();
            await grains.GetGrain<IUserGrain>(4_400_001).GetInfoAsync().WaitAsync(timeout.Token);
            return true;
        }
        catch (Exception e) when (e is not Xunit.Sdk.XunitException)
        {
            return false;
        }
        finally
        {
            try { await host.StopAsync(); } catch (Exception) { }
        }
    }

    private static byte[] SelfSigned(string name, string password)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        return certificate.Export(X509ContentType.Pfx, password);
    }
}
