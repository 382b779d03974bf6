namespace OrleansAssistant.Grains.Storage.Sql;

/// <summary>A database could not be reached or refused us; the message names it without secrets.</summary>
public sealed class DatabaseUnavailableException(string message, Exception innerException)
    : Exception(message, innerException);
