namespace OrleansAssistant.CustomerDatabases.Connections;

/// <summary>What the drivers' connection string builders throw for a string they cannot read.</summary>
internal static class DriverRejection
{
    public static bool IsRejection(Exception error) =>
        error is ArgumentException or FormatException or InvalidCastException or OverflowException
            or KeyNotFoundException or InvalidOperationException or NotSupportedException;
}
