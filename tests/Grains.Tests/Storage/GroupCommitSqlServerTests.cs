using System.Data.Common;
using Microsoft.Data.SqlClient;

namespace OrleansAssistant.Grains.Tests.Storage;

/// <summary>
/// No SQL Server runs here. The group commit sets a refused question apart with the driver's own savepoints
/// (<see cref="DbTransaction.SaveAsync"/>, <see cref="DbTransaction.RollbackAsync(string, CancellationToken)"/>), which only work
/// when SqlClient overrides them (as SAVE TRANSACTION and ROLLBACK TRANSACTION); the other two drivers run them for real.
/// </summary>
public sealed class GroupCommitSqlServerTests
{
    [Fact]
    public void SqlClientTransactions_HaveSavepoints_TheGroupCommitUses()
    {
        Assert.Equal(typeof(SqlTransaction), typeof(SqlTransaction).GetMethod(nameof(DbTransaction.Save), [typeof(string)])!.DeclaringType);
        Assert.Equal(typeof(SqlTransaction), typeof(SqlTransaction).GetMethod(nameof(DbTransaction.Rollback), [typeof(string)])!.DeclaringType);
    }
}
