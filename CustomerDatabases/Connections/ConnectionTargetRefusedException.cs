using System.Data.Common;

namespace OrleansAssistant.CustomerDatabases.Connections;

/// <summary>
/// A customer connection that would reach an address the installation does not allow. A <see cref="DbException"/>, so callers
/// treat it as any other failure to connect; the message (host and addresses) is for the log only.
/// </summary>
public sealed class ConnectionTargetRefusedException(string message) : DbException(message);
