using Microsoft.Extensions.Configuration;
using OrleansAssistant.Hosting;

namespace OrleansAssistant.Gateway.Dashboard;

/// <summary>Where the dashboard listens (section <c>Dashboard</c>).</summary>
public sealed record DashboardSettings
{
    public const string Section = "Dashboard";

    /// <summary>Semicolon-separated listen URLs.</summary>
    public string Urls { get; init; } = "http://localhost:5000";

    public static DashboardSettings Read(IConfiguration configuration)
    {
        var key = $"{Section}:Urls";
        var urls = SettingReader.Text(configuration, key, "http://localhost:5000");
        foreach (var url in urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Uri.TryCreate(url.Replace("*", "localhost", StringComparison.Ordinal).Replace("+", "localhost", StringComparison.Ordinal), UriKind.Absolute, out var uri)
                || uri.Scheme is not ("http" or "https"))
            {
                throw new InvalidSettingException(key, $"must be http(s) URLs separated by ';' (got '{url}').");
            }
        }
        return new DashboardSettings { Urls = urls };
    }
}
