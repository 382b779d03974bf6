using System.Net;
using System.Text;

namespace OrleansAssistant.Gateway.Dashboard.Tests;

public sealed partial class DashboardSessionTests
{
    [Theory]
    [InlineData("/", false)]
    [InlineData("/dashboard/me", true)]
    [InlineData("/dashboard/overview", true)]
    [InlineData("/dashboard/members", false)]
    public async Task EveryAnswer_CarriesTheSecurityHeaders(string path, bool signedIn)
    {
        var client = host.NewClient();
        if (signedIn)
        {
            var org = await host.NewOrganizationAsync();
            client = await host.LoginAsync(org.Owner.Username, org.Owner.Password);
        }

        var answer = await client.GetAnswerAsync(path);

        Assert.Equal(path == "/" || signedIn ? HttpStatusCode.OK : HttpStatusCode.Unauthorized, answer.Status);
        var policy = answer.Header("Content-Security-Policy");
        Assert.NotNull(policy);
        Assert.DoesNotContain("'unsafe-inline'", ScriptSources(policy));
        Assert.Equal("nosniff", answer.Header("X-Content-Type-Options"));
        Assert.Equal("DENY", answer.Header("X-Frame-Options"));
        Assert.Equal("no-referrer", answer.Header("Referrer-Policy"));
        if (path.StartsWith("/dashboard/", StringComparison.Ordinal)) Assert.Contains("no-store", answer.Header("Cache-Control") ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task SessionStore_NeverHoldsTheToken()
    {
        var org = await host.NewOrganizationAsync();
        var token = await host.LoginTokenAsync(org.Owner.Username, org.Owner.Password);
        (await host.ClientWithToken(token).GetAnswerAsync("/dashboard/me")).Expect(HttpStatusCode.OK);

        var needle = Encoding.UTF8.GetBytes(token);
        foreach (var file in Directory.EnumerateFiles(host.DataDirectory, "*", SearchOption.AllDirectories))
        {
            byte[] bytes;
            try
            {
                await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                using var copy = new MemoryStream();
                await stream.CopyToAsync(copy);
                bytes = copy.ToArray();
            }
            catch (IOException)
            {
                continue; // a file being replaced at this moment
            }
            Assert.True(bytes.AsSpan().IndexOf(needle) < 0, $"{file} contains the session token");
        }
    }

    /// <summary>The script-src directive, or default-src when there is none (what browsers fall back to).</summary>
    private static string ScriptSources(string policy)
    {
        var directives = policy.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        return directives.FirstOrDefault(d => d.StartsWith("script-src ", StringComparison.Ordinal))
            ?? directives.FirstOrDefault(d => d.StartsWith("default-src ", StringComparison.Ordinal))
            ?? "";
    }
}
