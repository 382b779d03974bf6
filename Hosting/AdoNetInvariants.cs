using Microsoft.Extensions.Configuration;

namespace OrleansAssistant.Hosting;

/// <summary>The ADO.NET provider names Orleans loads by reflection.</summary>
public static class AdoNetInvariants
{
    public const string PostgreSql = "Npgsql";
    public const string SqlServer = "Microsoft.Data.SqlClient";

    public static string Read(IConfiguration configuration, string key)
    {
        var raw = SettingReader.Text(configuration, key, PostgreSql);
        if (raw.Equals(PostgreSql, StringComparison.OrdinalIgnoreCase)) return PostgreSql;
        if (raw.Equals(SqlServer, StringComparison.OrdinalIgnoreCase)) return SqlServer;
        throw new InvalidSettingException(key, $"has unknown value '{raw}'; use one of: {PostgreSql}, {SqlServer}.");
    }
}
