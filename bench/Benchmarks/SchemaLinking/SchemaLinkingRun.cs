using OrleansAssistant.CustomerDatabases.Dialects;
using OrleansAssistant.CustomerDatabases.Schema;
using OrleansAssistant.Grains.Interfaces.Databases;
using OrleansAssistant.Grains.Questions;

namespace OrleansAssistant.Benchmarks.SchemaLinking;

/// <summary>
/// Runs the product's own table picking and schema text on every question, against the schema a shape gives the
/// question's database (the 100-table wide schema, or the database alone), and compares the picked tables with the gold ones.
/// </summary>
internal static class SchemaLinkingRun
{
    // Spider's databases are SQLite files, so names are quoted as the SQLite dialect quotes them.
    private static readonly SqlNameStyle Quote = CustomerDialects.Of(DatabaseProvider.Sqlite).NameStyle;

    /// <param name="schemaOf">The schema for a database's position in <c>tables.json</c>; called once per database.</param>
    /// <exception cref="InvalidDataException">A question names a database that <c>tables.json</c> does not hold.</exception>
    public static IReadOnlyList<LinkedQuestion> Link(IReadOnlyList<SpiderDatabase> databases, IReadOnlyList<SpiderQuestion> questions,
        Func<int, DatabaseSchema> schemaOf)
    {
        var positions = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < databases.Count; i++) positions.TryAdd(databases[i].Id, i);
        var schemas = new Dictionary<int, (DatabaseSchema Schema, int FullTokens)>();

        return questions.Select(question =>
        {
            if (!positions.TryGetValue(question.DatabaseId, out var position))
                throw new InvalidDataException($"The question \"{question.Question}\" is on database '{question.DatabaseId}', which the tables file does not hold.");
            if (!schemas.TryGetValue(position, out var entry))
            {
                var built = schemaOf(position);
                schemas[position] = entry = (built, TokenEstimate.Of(SchemaText.Compact(built, style: Quote)));
            }

            var picked = RelevantTables.Pick(entry.Schema, question.Question);
            var pickedNames = picked.Select(table => table.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var missed = question.GoldTables.Where(gold => !pickedNames.Contains(gold)).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
            return new LinkedQuestion(question, missed, picked.Count, TokenEstimate.Of(SchemaText.Compact(entry.Schema, picked, Quote)), entry.FullTokens);
        }).ToArray();
    }
}
