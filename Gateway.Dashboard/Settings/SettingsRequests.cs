namespace OrleansAssistant.Gateway.Dashboard.Settings;

// The bodies the settings endpoints accept, for the API reference; the handlers read them by hand (see SettingsBody).

/// <summary>A monthly budget in US dollars (above 0, at most 1,000,000); null removes it.</summary>
public sealed record BudgetRequest(decimal? MonthlyUsd);

/// <summary>The IANA zone the organization's months begin in, e.g. "Europe/Berlin".</summary>
public sealed record TimeZoneRequest(string TimeZone);

/// <summary>A priced model per stage; null (or left out) keeps the installation's default.</summary>
public sealed record ModelsRequest(string? Summary, string? Answer, string? Email);
