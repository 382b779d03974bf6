using Microsoft.Extensions.Logging;
using OrleansAssistant.Grains.Interfaces;
using OrleansAssistant.Authorization;
using OrleansAssistant.Grains.Audit;
using OrleansAssistant.Grains.Interfaces.Databases;
using OrleansAssistant.Grains.Interfaces.Users;
using OrleansAssistant.Grains.Interfaces.VerifiedQueries;
using OrleansAssistant.Grains.Llm;
using OrleansAssistant.Grains.VerifiedQueries.Ranking;

namespace OrleansAssistant.Grains.VerifiedQueries;

/// <summary>
/// One database's verified library. The rows live in the app database; this activation is their only writer and
/// keeps them in memory with a ranking index, so a question's look-up is a computation, not a read. Every change
/// checks the asker's principal against the database's owner and runs the SQL once through the database grain's
/// guarded, read-only path, so nothing the guard refuses or that does not run is ever verified. Activated on the silo
/// of its first caller, as the database grain, so a personal database's look-ups stay in its owner's process.
/// </summary>
[Orleans.Placement.PreferLocalPlacement]
public sealed partial class VerifiedQueriesGrain(
    VerifiedExampleStore store,
    QuestionEmbedder embedder,
    VerifiedAnswerSettings settings,
    ActivityLog activity,
    TimeProvider timeProvider,
    ILogger<VerifiedQueriesGrain> logger) : Grain, IVerifiedQueriesGrain
{
    private readonly Dictionary<long, VerifiedExample> _examples = [];
    // Working examples by repeat key (newest wins); broken ones are neither here nor in the index.
    private readonly Dictionary<string, long> _byRepeatKey = [];
    private readonly ExampleIndex _index = new();
    private readonly Dictionary<long, float[]> _vectors = [];
    private IReadOnlyList<GlossaryEntry> _glossary = [];

    private string DatabaseId => this.GetPrimaryKeyString()[VerifiedQueryKeys.KeyPrefix.Length..];

    private IDatabaseConnectionGrain Database => GrainFactory.GetGrain<IDatabaseConnectionGrain>(DatabaseId);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        foreach (var stored in await store.LoadExamplesAsync(DatabaseId, cancellationToken))
        {
            // Vectors of another model (or from before a change of model) are not comparable with today's questions.
            if (stored.Embedding is { } embedding && embedding.Model == embedder.Model) _vectors[stored.Example.ExampleId] = embedding.Vector;
            Keep(stored.Example);
        }
        _glossary = await store.LoadGlossaryAsync(DatabaseId, cancellationToken);
    }

    public Task<ExampleLookup> LookUpAsync(string question, float[]? questionVector, int count)
    {
        if (_index.Count == 0 && _glossary.Count == 0) return Task.FromResult(ExampleLookup.Empty);
        var hits = _index.Search(question, questionVector, Math.Max(count, 1));
        var similar = hits.Take(count).Select(hit => new ExampleMatch(_examples[hit.ExampleId], hit.Similarity)).ToList();
        return Task.FromResult(new ExampleLookup(similar, RepeatOf(question, hits), _glossary));
    }

    /// <summary>
    /// The same words (once case, spacing and punctuation are set aside), or — when allowed — the most similar of the hits, if
    /// close enough. The hits are in ranking order, which is not similarity order, so the most similar may not be the first.
    /// </summary>
    private ExampleMatch? RepeatOf(string question, IReadOnlyList<RankedExample> hits)
    {
        if (_byRepeatKey.TryGetValue(QuestionText.RepeatKey(question), out var exactId)) return new ExampleMatch(_examples[exactId], 1.0);
        if (settings.RepeatSimilarity >= 1.0 || hits.Count == 0) return null;
        var closest = hits.MaxBy(hit => hit.Similarity);
        return closest.Similarity >= settings.RepeatSimilarity ? new ExampleMatch(_examples[closest.ExampleId], closest.Similarity) : null;
    }

    public async Task<LibraryView?> ViewAsync(Principal asker)
    {
        if (await CuratorCheckAsync(asker) != CurationStatus.Saved) return null;
        var examples = _examples.Values.OrderByDescending(example => example.ExampleId).ToList();
        return new LibraryView(DatabaseId, examples, _glossary);
    }

    public async Task<CurationResult> VerifyAsync(Principal asker, ExampleDraft draft)
    {
        if (await CuratorCheckAsync(asker) is var access and not CurationStatus.Saved) return new CurationResult(access);
        if (Invalid(draft) is { } invalid) return invalid;
        var question = draft.Question.Trim();
        var sql = draft.Sql.Trim();
        var same = _examples.Values.FirstOrDefault(example => !example.IsBroken
            && QuestionText.RepeatKey(example.Question) == QuestionText.RepeatKey(question) && example.Sql == sql);
        if (same is not null) return new CurationResult(CurationStatus.AlreadyVerified, same);
        if (_examples.Count >= settings.MaxExamplesPerDatabase) return new CurationResult(CurationStatus.LibraryFull);

        var preview = await RunAsync(asker, sql);
        if (!preview.Succeeded) return preview;

        var example = new VerifiedExample(0, DatabaseId, question, sql, Notes(draft), asker.UserId, await NameOfAsync(asker.UserId),
            timeProvider.GetUtcNow(), draft.SourceConversationId);
        var embedding = await EmbedAsync(example);
        example = await store.InsertAsync(example, embedding, CancellationToken.None);
        if (embedding is not null) _vectors[example.ExampleId] = embedding.Vector;
        Keep(example);
        await RecordAsync(asker, ActivityEvents.ExampleVerified, example);
        LogVerified(logger, asker.UserId, DatabaseId, example.ExampleId);
        return preview with { Example = example };
    }

    public async Task<CurationResult> UpdateAsync(Principal asker, long exampleId, ExampleDraft draft)
    {
        if (await CuratorCheckAsync(asker) is var access and not CurationStatus.Saved) return new CurationResult(access);
        if (!_examples.TryGetValue(exampleId, out var current)) return new CurationResult(CurationStatus.NotFound);
        if (Invalid(draft) is { } invalid) return invalid;

        var preview = await RunAsync(asker, draft.Sql.Trim());
        if (!preview.Succeeded) return preview;

        // An edit is a new verification: the editor vouches for it now, and a broken mark is cleared.
        var example = current with
        {
            Question = draft.Question.Trim(), Sql = draft.Sql.Trim(), Notes = Notes(draft), VerifiedBy = asker.UserId,
            VerifiedByName = await NameOfAsync(asker.UserId), VerifiedAt = timeProvider.GetUtcNow(), BrokenAt = null, BrokenReason = null,
        };
        var embedding = await EmbedAsync(example);
        if (embedding is null) _vectors.Remove(exampleId);
        else _vectors[exampleId] = embedding.Vector;
        await store.UpdateAsync(example, embedding, CancellationToken.None);
        Forget(current);
        Keep(example);
        await RecordAsync(asker, ActivityEvents.ExampleUpdated, example);
        return preview with { Example = example };
    }

    public async Task<CurationResult> RemoveAsync(Principal asker, long exampleId)
    {
        if (await CuratorCheckAsync(asker) is var access and not CurationStatus.Saved) return new CurationResult(access);
        if (!_examples.TryGetValue(exampleId, out var example)) return new CurationResult(CurationStatus.NotFound);
        await store.DeleteAsync(DatabaseId, exampleId, CancellationToken.None);
        Forget(example);
        _examples.Remove(exampleId);
        _vectors.Remove(exampleId);
        await RecordAsync(asker, ActivityEvents.ExampleRemoved, example);
        return new CurationResult(CurationStatus.Saved, example);
    }

    public async Task<CurationResult> TryAsync(Principal asker, string sql)
    {
        if (await CuratorCheckAsync(asker) is var access and not CurationStatus.Saved) return new CurationResult(access);
        if (string.IsNullOrWhiteSpace(sql) || sql.Length > settings.MaxSqlLength) return new CurationResult(CurationStatus.Invalid, Problem: "sql");
        return await RunAsync(asker, sql.Trim());
    }

    public async Task<CurationResult> SetGlossaryAsync(Principal asker, IReadOnlyList<GlossaryEntry> entries)
    {
        if (await CuratorCheckAsync(asker) is var access and not CurationStatus.Saved) return new CurationResult(access);
        if (entries.Count > settings.MaxGlossaryEntries) return new CurationResult(CurationStatus.Invalid, Problem: "glossary");
        var cleaned = new List<GlossaryEntry>(entries.Count);
        foreach (var entry in entries)
        {
            var term = entry.Term?.Trim() ?? "";
            var meaning = entry.Meaning?.Trim() ?? "";
            if (term.Length is 0 || term.Length > settings.MaxGlossaryTermLength || term.Any(char.IsControl))
            {
                return new CurationResult(CurationStatus.Invalid, Problem: "term");
            }
            if (!NameSafety.IsSafe(term)) return new CurationResult(CurationStatus.Invalid, Problem: "termCharacters");
            if (meaning.Length is 0 || meaning.Length > settings.MaxGlossaryMeaningLength)
            {
                return new CurationResult(CurationStatus.Invalid, Problem: "meaning");
            }
            if (cleaned.Any(kept => string.Equals(kept.Term, term, StringComparison.OrdinalIgnoreCase)))
            {
                return new CurationResult(CurationStatus.Invalid, Problem: "term");
            }
            cleaned.Add(new GlossaryEntry(term, meaning));
        }
        await store.ReplaceGlossaryAsync(DatabaseId, cleaned, asker.UserId, timeProvider.GetUtcNow(), CancellationToken.None);
        _glossary = cleaned.OrderBy(entry => entry.Term, StringComparer.Ordinal).ToList();
        await activity.AppendAsync(new ActivityEntry(ActivityEvents.GlossaryChanged, asker.UserId, asker.OrgId, "database", DatabaseId,
            new Dictionary<string, object?> { ["entries"] = cleaned.Count }));
        return new CurationResult(CurationStatus.Saved);
    }

    public async Task MarkBrokenAsync(long exampleId, string reason)
    {
        if (!_examples.TryGetValue(exampleId, out var example) || example.IsBroken) return;
        var broken = example with { BrokenAt = timeProvider.GetUtcNow(), BrokenReason = reason.Length > 500 ? reason[..500] : reason };
        await store.MarkBrokenAsync(broken, CancellationToken.None);
        Forget(example);
        _examples[exampleId] = broken;
        LogBroken(logger, DatabaseId, exampleId);
    }

    /// <summary>Saved means "may curate"; a database that is gone reads as not found.</summary>
    private async Task<CurationStatus> CuratorCheckAsync(Principal asker)
    {
        var info = await Database.GetInfoAsync();
        if (info is not { IsActive: true }) return CurationStatus.NotFound;
        var decision = AuthorizationPolicy.Instance.Check(asker, AssistantAction.CurateVerifiedQueries, ResourceScope.ForDatabase(info));
        return decision.Allowed ? CurationStatus.Saved : CurationStatus.NotAllowed;
    }

    private CurationResult? Invalid(ExampleDraft draft)
    {
        var question = draft.Question?.Trim() ?? "";
        if (question.Length is 0 || question.Length > settings.MaxQuestionLength) return new CurationResult(CurationStatus.Invalid, Problem: "question");
        if (string.IsNullOrWhiteSpace(draft.Sql) || draft.Sql.Length > settings.MaxSqlLength) return new CurationResult(CurationStatus.Invalid, Problem: "sql");
        if (draft.Notes is { Length: > 0 } notes && notes.Length > settings.MaxNotesLength) return new CurationResult(CurationStatus.Invalid, Problem: "notes");
        return null;
    }

    private static string? Notes(ExampleDraft draft) => string.IsNullOrWhiteSpace(draft.Notes) ? null : draft.Notes.Trim();

    /// <summary>The SQL once through the guarded, read-only path with the asker's own access, keeping the first rows.</summary>
    private async Task<CurationResult> RunAsync(Principal asker, string sql)
    {
        var rows = await Database.ExportAsync(asker.UserId, sql, settings.PreviewRows);
        return rows.Outcome switch
        {
            QueryOutcome.Succeeded => new CurationResult(CurationStatus.Saved, Preview: rows),
            QueryOutcome.Refused => new CurationResult(CurationStatus.SqlRefused, Problem: rows.Message, Preview: rows),
            QueryOutcome.Failed or QueryOutcome.TimedOut => new CurationResult(CurationStatus.SqlFailed, Problem: rows.Message, Preview: rows),
            QueryOutcome.AccessDenied => new CurationResult(CurationStatus.NotAllowed),
            _ => new CurationResult(CurationStatus.DatabaseUnavailable, Problem: rows.Message),
        };
    }

    /// <summary>
    /// The question's embedding when embeddings are on. A curator's change is not a question, so the call is logged rather than
    /// billed to anyone; an endpoint that cannot embed now leaves the example ranked by its words, never refuses the change.
    /// </summary>
    private async Task<StoredEmbedding?> EmbedAsync(VerifiedExample example)
    {
        try
        {
            return await embedder.EmbedAsync(example.Question, CancellationToken.None) is { } reply ? new StoredEmbedding(reply.Value!, reply.Model) : null;
        }
        catch (ModelUnavailableException error)
        {
            LogNotEmbedded(logger, DatabaseId, error.Message);
            return null;
        }
    }

    private async Task<string> NameOfAsync(long userId)
    {
        var profile = (await GrainFactory.GetGrain<IUserGrain>(userId).GetInfoAsync())?.Profile;
        if (profile is null) return $"user {userId}";
        return string.IsNullOrWhiteSpace(profile.LastName) ? profile.FirstName : $"{profile.FirstName} {profile.LastName}";
    }

    private void Keep(VerifiedExample example)
    {
        _examples[example.ExampleId] = example;
        if (example.IsBroken) return;
        _index.Upsert(example.ExampleId, example.Question, _vectors.GetValueOrDefault(example.ExampleId));
        var key = QuestionText.RepeatKey(example.Question);
        if (!_byRepeatKey.TryGetValue(key, out var held) || held < example.ExampleId) _byRepeatKey[key] = example.ExampleId;
    }

    private void Forget(VerifiedExample example)
    {
        _index.Remove(example.ExampleId);
        var key = QuestionText.RepeatKey(example.Question);
        if (_byRepeatKey.TryGetValue(key, out var held) && held == example.ExampleId)
        {
            _byRepeatKey.Remove(key);
            // Another working example with the same words takes over, the newest first.
            var next = _examples.Values.Where(other => other.ExampleId != example.ExampleId && !other.IsBroken
                && QuestionText.RepeatKey(other.Question) == key).MaxBy(other => other.ExampleId);
            if (next is not null) _byRepeatKey[key] = next.ExampleId;
        }
    }

    private Task RecordAsync(Principal asker, string eventType, VerifiedExample example) =>
        activity.AppendAsync(new ActivityEntry(eventType, asker.UserId, asker.OrgId, "database", DatabaseId,
            new Dictionary<string, object?> { ["example"] = example.ExampleId, ["question"] = example.Question }));

    [LoggerMessage(1, LogLevel.Information, "User {UserId} verified example {ExampleId} on {DatabaseId}")]
    private static partial void LogVerified(ILogger logger, long userId, string databaseId, long exampleId);

    [LoggerMessage(3, LogLevel.Warning, "An example question of {DatabaseId} could not be embedded ({Reason}); it is ranked by its words")]
    private static partial void LogNotEmbedded(ILogger logger, string databaseId, string reason);

    [LoggerMessage(2, LogLevel.Warning, "Verified example {ExampleId} on {DatabaseId} no longer runs; marked broken, questions take the model's way")]
    private static partial void LogBroken(ILogger logger, string databaseId, long exampleId);
}
