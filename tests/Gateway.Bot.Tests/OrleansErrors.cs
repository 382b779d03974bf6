using System.Reflection;

namespace OrleansAssistant.Gateway.Bot.Tests;

/// <summary>Orleans exceptions whose constructors are not public, made as Orleans makes them.</summary>
public static class OrleansErrors
{
    /// <summary>What a caller gets when a message could not be delivered, e.g. to a silo that died.</summary>
    public static Exception Rejection(string message = "Target silo is unavailable") =>
        (Exception)Activator.CreateInstance(typeof(OrleansMessageRejectionException), BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public,
            null, [message], null)!;
}
