using OrleansAssistant.Grains.Interfaces.Databases;

namespace OrleansAssistant.CustomerDatabases.Schema;

/// <summary>
/// One table's parts, collected while a reader walks catalog rows, then frozen into a <see cref="TableSchema"/>.
/// Readers pass comments as the catalog holds them; freezing cleans them (<see cref="SchemaComment"/>).
/// </summary>
internal sealed class TableDraft(string? schema, string name, bool isView, long? rowEstimate, string? comment = null)
{
    private readonly List<ForeignKeyDraft> _foreignKeys = [];

    public List<ColumnSchema> Columns { get; } = [];
    public List<string> PrimaryKey { get; } = [];

    public bool IsView => isView;

    public string? Comment { get; set; } = comment;

    /// <summary>
    /// Catalogs return a foreign key one column per row; rows with the same <paramref name="constraintId"/>
    /// form one key, so a multi-column key stays together in its declared column order.
    /// </summary>
    public void AddForeignKeyColumn(object constraintId, string column, string? referencedSchema, string referencedTable, string referencedColumn)
    {
        var draft = _foreignKeys.Find(key => Equals(key.ConstraintId, constraintId));
        if (draft is null)
        {
            draft = new ForeignKeyDraft(constraintId, referencedSchema, referencedTable);
            _foreignKeys.Add(draft);
        }
        draft.Columns.Add(column);
        draft.ReferencedColumns.Add(referencedColumn);
    }

    public TableSchema ToSchema() => new(
        schema, name, isView,
        Columns.Select(column => column.Comment is null ? column : column with { Comment = SchemaComment.Clean(column.Comment) }).ToArray(),
        PrimaryKey.ToArray(), _foreignKeys.Select(key => key.ToSchema()).ToArray(), rowEstimate, SchemaComment.Clean(Comment));

    private sealed class ForeignKeyDraft(object constraintId, string? referencedSchema, string referencedTable)
    {
        public object ConstraintId { get; } = constraintId;
        public List<string> Columns { get; } = [];
        public List<string> ReferencedColumns { get; } = [];

        public ForeignKeySchema ToSchema() => new(Columns.ToArray(), referencedSchema, referencedTable, ReferencedColumns.ToArray());
    }
}
