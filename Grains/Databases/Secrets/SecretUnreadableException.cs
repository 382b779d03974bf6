namespace OrleansAssistant.Grains.Databases.Secrets;

/// <summary>A protected value cannot be decrypted: unknown key, wrong record, altered or malformed. The message holds no secret.</summary>
public sealed class SecretUnreadableException : Exception
{
    public SecretUnreadableException(string message) : base(message) { }

    public SecretUnreadableException(string message, Exception innerException) : base(message, innerException) { }
}
