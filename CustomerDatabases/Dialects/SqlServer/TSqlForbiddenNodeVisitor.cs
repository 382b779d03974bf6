using System.Collections.Frozen;
using Microsoft.SqlServer.TransactSql.ScriptDom;
using OrleansAssistant.CustomerDatabases.Guard;

namespace OrleansAssistant.CustomerDatabases.Dialects.SqlServer;

/// <summary>
/// Walks a whole T-SQL statement tree and keeps the first reason to refuse it: procedure calls, waits,
/// other servers and files, data changes other than the allowed statement itself, SELECT … INTO,
/// OUTPUT … INTO, locking hints and clauses, sequence changes and forbidden functions.
/// </summary>
internal sealed class TSqlForbiddenNodeVisitor(TSqlStatement allowedStatement, bool allowWrites) : TSqlFragmentVisitor
{
    // Functions that read the server's trace, audit and log files.
    private static readonly FunctionDenyList ForbiddenFunctions = new(
    [
        "fn_xe_file_target_read_file", "fn_xe_target_read_file", "fn_get_audit_file", "fn_trace_gettable", "fn_dblog", "fn_dump_dblog",
    ]);

    private static readonly FrozenSet<TableHintKind> LockingHints = new[]
    {
        TableHintKind.UpdLock, TableHintKind.XLock, TableHintKind.TabLock, TableHintKind.TabLockX,
        TableHintKind.HoldLock, TableHintKind.Serializable, TableHintKind.RepeatableRead,
    }.ToFrozenSet();

    /// <summary>The first reason found to refuse the statement, or null.</summary>
    public string? Refusal { get; private set; }

    private string DataChangeRefusal => allowWrites ? GuardRefusals.NestedDataChange : GuardRefusals.ChangesData;

    public override void Visit(ExecuteStatement node) => Refuse(GuardRefusals.Exec);

    public override void Visit(ExecutableProcedureReference node) => Refuse(GuardRefusals.Exec);

    public override void Visit(ExecutableStringList node) => Refuse(GuardRefusals.Exec);

    public override void Visit(ExecuteInsertSource node) => Refuse(GuardRefusals.Exec);

    public override void Visit(WaitForStatement node) => Refuse(GuardRefusals.WaitFor);

    public override void Visit(OpenRowsetTableReference node) => Refuse(GuardRefusals.ExternalData);

    public override void Visit(BulkOpenRowset node) => Refuse(GuardRefusals.ExternalData);

    public override void Visit(InternalOpenRowset node) => Refuse(GuardRefusals.ExternalData);

    public override void Visit(OpenRowsetCosmos node) => Refuse(GuardRefusals.ExternalData);

    public override void Visit(AdHocTableReference node) => Refuse(GuardRefusals.ExternalData);

    public override void Visit(AdHocDataSource node) => Refuse(GuardRefusals.ExternalData);

    public override void Visit(OpenQueryTableReference node) => Refuse(GuardRefusals.ExternalData);

    public override void Visit(InvokeExternalApiFunctionCall node) => Refuse(GuardRefusals.ExternalData);

    // server.database.schema.table reaches a linked server.
    public override void Visit(SchemaObjectName node)
    {
        if (node.ServerIdentifier is not null) Refuse(GuardRefusals.ExternalData);
    }

    public override void Visit(InsertStatement node) => RefuseUnlessAllowed(node);

    public override void Visit(UpdateStatement node) => RefuseUnlessAllowed(node);

    public override void Visit(DeleteStatement node) => RefuseUnlessAllowed(node);

    public override void Visit(MergeStatement node) => RefuseUnlessAllowed(node);

    // INSERT … SELECT … FROM (DELETE … OUTPUT …) AS d: a data change nested in the allowed one.
    public override void Visit(DataModificationTableReference node) => Refuse(DataChangeRefusal);

    public override void Visit(SelectStatement node)
    {
        if (node.Into is not null) Refuse(GuardRefusals.SelectInto);
    }

    public override void Visit(OutputIntoClause node) => Refuse(GuardRefusals.OutputInto);

    public override void Visit(TableHint node)
    {
        if (LockingHints.Contains(node.HintKind)) Refuse(GuardRefusals.LockingHint);
    }

    // FOR UPDATE belongs to cursors; refused like PostgreSQL's locking clause.
    public override void Visit(UpdateForClause node) => Refuse(GuardRefusals.LockingClause);

    public override void Visit(NextValueForExpression node) => Refuse(GuardRefusals.SequenceChange);

    public override void Visit(FunctionCall node) => RefuseForbiddenFunction(node.FunctionName?.Value);

    public override void Visit(SchemaObjectFunctionTableReference node) => RefuseForbiddenFunction(node.SchemaObject?.BaseIdentifier?.Value);

    private void RefuseUnlessAllowed(TSqlStatement node)
    {
        if (!ReferenceEquals(node, allowedStatement)) Refuse(DataChangeRefusal);
    }

    private void RefuseForbiddenFunction(string? name)
    {
        if (name is not null && ForbiddenFunctions.Contains(name)) Refuse(GuardRefusals.Function(name));
    }

    private void Refuse(string reason) => Refusal ??= reason;
}
