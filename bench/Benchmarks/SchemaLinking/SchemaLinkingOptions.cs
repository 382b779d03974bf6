namespace OrleansAssistant.Benchmarks.SchemaLinking;

/// <summary>The <c>schema-linking</c> command line: where Spider's files are (the repository keeps no copy) and where the figures go.</summary>
internal sealed record SchemaLinkingOptions(string TablesPath, string QuestionsPath, string? OutPath)
{
    public const string Command = "schema-linking";

    public const string Usage = "usage: Benchmarks schema-linking --tables <spider tables.json> --questions <questions.jsonl> [--out <figures.json>]";

    /// <exception cref="ArgumentException">An argument is unknown, lacks its value, or names a file or folder that is not there; the message ends with the usage line.</exception>
    public static SchemaLinkingOptions Parse(IReadOnlyList<string> args)
    {
        string? tables = null, questions = null, output = null;
        for (var i = 0; i < args.Count; i++)
        {
            var value = i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal) ? args[i + 1]
                : throw new ArgumentException($"{args[i]} needs a value\n{Usage}");
            switch (args[i])
            {
                case "--tables": tables = ExistingFile(args[i], value); break;
                case "--questions": questions = ExistingFile(args[i], value); break;
                case "--out": output = WritablePlace(args[i], value); break;
                default: throw new ArgumentException($"unexpected argument '{args[i]}'\n{Usage}");
            }
            i++;
        }
        return new SchemaLinkingOptions(
            tables ?? throw new ArgumentException($"--tables is required\n{Usage}"),
            questions ?? throw new ArgumentException($"--questions is required\n{Usage}"),
            output);
    }

    // Checked before the run, so a mistyped folder does not cost a whole run.
    private static string WritablePlace(string name, string path) =>
        Directory.Exists(Path.GetDirectoryName(Path.GetFullPath(path))) ? path : throw new ArgumentException($"{name}: no folder for '{path}'\n{Usage}");

    private static string ExistingFile(string name, string path) =>
        File.Exists(path) ? path : throw new ArgumentException($"{name}: no file at '{path}'\n{Usage}");
}
