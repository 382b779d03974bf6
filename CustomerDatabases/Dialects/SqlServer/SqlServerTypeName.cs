using System.Globalization;

namespace OrleansAssistant.CustomerDatabases.Dialects.SqlServer;

/// <summary>Writes a SQL Server column type as it is declared, e.g. <c>nvarchar(100)</c> or <c>decimal(12,2)</c>.</summary>
public static class SqlServerTypeName
{
    private const byte DefaultFractionalSeconds = 7;

    /// <param name="maxLength">sys.columns.max_length: bytes, -1 for (max).</param>
    public static string Format(string typeName, short maxLength, byte precision, byte scale) => typeName switch
    {
        "char" or "varchar" or "binary" or "varbinary" => $"{typeName}({Length(maxLength, bytesPerCharacter: 1)})",
        "nchar" or "nvarchar" => $"{typeName}({Length(maxLength, bytesPerCharacter: 2)})",
        "decimal" or "numeric" => string.Create(CultureInfo.InvariantCulture, $"{typeName}({precision},{scale})"),
        "datetime2" or "datetimeoffset" or "time" when scale != DefaultFractionalSeconds =>
            string.Create(CultureInfo.InvariantCulture, $"{typeName}({scale})"),
        _ => typeName,
    };

    private static string Length(short maxLength, int bytesPerCharacter) =>
        maxLength == -1 ? "max" : (maxLength / bytesPerCharacter).ToString(CultureInfo.InvariantCulture);
}
