namespace OrleansAssistant.Grains.VerifiedQueries.Ranking;

/// <summary>
/// In-memory index of one database's verified questions. Not thread-safe (one grain activation owns it).
/// <para>
/// Ranking is BM25 (k1 = 1.2, b = 0.75, idf = ln(1 + (N − df + 0.5) / (df + 0.5))) over the questions' normalised
/// words without stop words, numbers and dates masked (<see cref="QuestionWords"/>), so "sales in 2023" is the best
/// example for "sales in 2024". Postings per term and the document frequencies are kept as examples come and go,
/// so <see cref="Upsert"/> and <see cref="Remove"/> cost only the terms of one question. An example whose repeat key
/// equals the question's always comes first. <see cref="RankedExample.Similarity"/> is <see cref="LexicalSimilarity"/>.
/// </para>
/// <para>
/// With embeddings (the question's and the example's), the BM25 ranking and the cosine ranking (50 deep each) are
/// fused by reciprocal rank: score = Σ 1 / (60 + rank). Ranks rather than raw scores, because BM25 is unbounded and
/// cosines of one model crowd into a narrow band, so no weight between them would hold across models. Similarity
/// stays lexical: embeddings barely tell 2023 from 2024, and a repeat runs SQL without a model, so only the words
/// may decide it.
/// </para>
/// </summary>
public sealed class ExampleIndex
{
    private const double K1 = 1.2;
    private const double B = 0.75;

    private readonly Dictionary<long, int> _slotOf = [];
    private readonly Stack<int> _freeSlots = new();
    private readonly Dictionary<string, int> _termIds = new(StringComparer.Ordinal);
    private readonly List<PostingList> _postings = [];
    private readonly Dictionary<string, List<int>> _slotsByKey = new(StringComparer.Ordinal);
    private readonly List<int> _queryTerms = [];
    private readonly Dictionary<string, float> _queryWords = new(StringComparer.Ordinal);
    private IndexedExample?[] _examples = new IndexedExample?[16];
    private readonly VectorStore _vectors = new();
    // Ids and lengths sit in arrays by slot, so the hot loops never reach into an example's record.
    private long[] _ids = new long[16];
    private int[] _lengths = new int[16];
    private double[] _scores = new double[16];
    private int[] _touched = new int[16];
    private int _slotCount;
    private long _totalLength;

    public int Count => _slotOf.Count;

    /// <summary>Adds or replaces an example's question (and its embedding, when the library has one).</summary>
    public void Upsert(long exampleId, string question, float[]? vector = null)
    {
        ArgumentNullException.ThrowIfNull(question);
        Remove(exampleId);
        var words = QuestionWords.Read(question);
        var slot = NewSlot();
        var frequencies = new Dictionary<int, int>();
        var length = 0;
        foreach (var word in words)
        {
            if (word.IsStopWord) continue;
            var term = TermId(word.Term);
            frequencies[term] = frequencies.GetValueOrDefault(term) + 1;
            length++;
        }
        foreach (var (term, frequency) in frequencies) _postings[term].Add(slot, frequency);
        var key = QuestionText.RepeatKey(question);
        var similarWords = LexicalSimilarity.WordsOf(words, out var wordWeight);
        _examples[slot] = new IndexedExample(exampleId, key, [.. frequencies.Keys], length, similarWords, wordWeight);
        _vectors.Set(slot, vector);
        _lengths[slot] = length;
        _ids[slot] = exampleId;
        _totalLength += length;
        _slotOf[exampleId] = slot;
        if (!_slotsByKey.TryGetValue(key, out var sameKey)) _slotsByKey[key] = sameKey = [];
        sameKey.Add(slot);
    }

    public bool Remove(long exampleId)
    {
        if (!_slotOf.Remove(exampleId, out var slot)) return false;
        var example = _examples[slot]!;
        foreach (var term in example.TermIds) _postings[term].Remove(slot);
        var sameKey = _slotsByKey[example.RepeatKey];
        sameKey.Remove(slot);
        if (sameKey.Count == 0) _slotsByKey.Remove(example.RepeatKey);
        _totalLength -= example.Length;
        _examples[slot] = null;
        _lengths[slot] = 0;
        _vectors.Clear(slot);
        _freeSlots.Push(slot);
        return true;
    }

    /// <summary>Best first, at most <paramref name="count"/>. Ties: the newer (higher id) first.</summary>
    public IReadOnlyList<RankedExample> Search(string question, float[]? questionVector, int count)
    {
        ArgumentNullException.ThrowIfNull(question);
        if (count <= 0 || Count == 0) return [];
        var words = QuestionWords.Read(question);
        var key = QuestionText.RepeatKey(question);
        var touched = ScoreBm25(words);
        try
        {
            var best = questionVector is { Length: > 0 } && questionVector.Length == _vectors.Dimensions
                ? Fused(touched, key, questionVector, count)
                : TopByScore(touched, key, count);
            return Describe(best, key, words);
        }
        finally
        {
            for (var i = 0; i < touched; i++) _scores[_touched[i]] = 0;
        }
    }

    /// <summary>Adds every posting of the question's terms into <c>_scores</c>; returns how many slots it touched.</summary>
    private int ScoreBm25(List<QuestionWord> words)
    {
        _queryTerms.Clear();
        foreach (var word in words)
        {
            if (!word.IsStopWord && _termIds.TryGetValue(word.Term, out var term) && !_queryTerms.Contains(term)) _queryTerms.Add(term);
        }
        var documents = (double)Count;
        var averageLength = Math.Max(1.0, _totalLength / documents);
        var touched = 0;
        foreach (var term in _queryTerms)
        {
            var postings = _postings[term];
            if (postings.Count == 0) continue;
            var idf = Math.Log(1 + (documents - postings.Count + 0.5) / (postings.Count + 0.5));
            var slots = postings.Slots;
            var frequencies = postings.Frequencies;
            for (var i = 0; i < slots.Length; i++)
            {
                var slot = slots[i];
                var frequency = frequencies[i];
                var weight = idf * frequency * (K1 + 1) / (frequency + K1 * (1 - B + B * _lengths[slot] / averageLength));
                if (_scores[slot] == 0) _touched[touched++] = slot; // every contribution is positive, so 0 means "not yet"
                _scores[slot] += weight;
            }
        }
        return touched;
    }

    private TopHits TopByScore(int touched, string key, int count)
    {
        var top = new TopHits(count);
        var repeats = _slotsByKey.GetValueOrDefault(key);
        for (var i = 0; i < touched; i++)
        {
            var slot = _touched[i];
            top.Offer(slot, _ids[slot], _scores[slot], repeats is not null && repeats.Contains(slot));
        }
        // A repeat shares no ranking term with the question when it holds only stop words; it still comes first.
        foreach (var slot in repeats ?? [])
        {
            if (_scores[slot] == 0) top.Offer(slot, _ids[slot], 0, isRepeat: true);
        }
        return top;
    }

    private TopHits Fused(int touched, string key, float[] questionVector, int count)
    {
        var question = new sbyte[questionVector.Length];
        var scale = QuantizedVector.Quantize(questionVector, question);
        if (scale == 0) return TopByScore(touched, key, count);
        var fused = ReciprocalRankFusion.Fuse(TopByScore(touched, key, ReciprocalRankFusion.Depth), TopByCosine(question, scale));
        var top = new TopHits(count);
        var repeats = _slotsByKey.GetValueOrDefault(key);
        foreach (var (slot, score) in fused) top.Offer(slot, _ids[slot], score, repeats is not null && repeats.Contains(slot));
        return top;
    }

    private TopHits TopByCosine(sbyte[] question, float scale)
    {
        var top = new TopHits(ReciprocalRankFusion.Depth);
        for (var slot = 0; slot < _slotCount; slot++)
        {
            if (_vectors.Has(slot)) top.Offer(slot, _ids[slot], _vectors.Cosine(slot, question, scale), isRepeat: false);
        }
        return top;
    }

    private RankedExample[] Describe(TopHits best, string key, List<QuestionWord> words)
    {
        _queryWords.Clear();
        var questionWords = LexicalSimilarity.WordsOf(words, out var questionWeight);
        foreach (var word in questionWords) _queryWords[word.Word] = word.Weight;
        var hits = best.TakeBestFirst();
        var result = new RankedExample[hits.Length];
        for (var i = 0; i < hits.Length; i++)
        {
            var example = _examples[hits[i].Slot]!;
            var similarity = LexicalSimilarity.Of(hits[i].IsRepeat, _queryWords, questionWeight, example.Words, example.WordWeight);
            result[i] = new RankedExample(example.ExampleId, hits[i].Score, similarity);
        }
        return result;
    }

    private int TermId(string term)
    {
        if (_termIds.TryGetValue(term, out var id)) return id;
        id = _postings.Count;
        _termIds[term] = id;
        _postings.Add(new PostingList());
        return id;
    }

    private int NewSlot()
    {
        if (_freeSlots.TryPop(out var slot)) return slot;
        if (_slotCount == _examples.Length)
        {
            var size = _slotCount * 2;
            Array.Resize(ref _examples, size);
            Array.Resize(ref _lengths, size);
            Array.Resize(ref _ids, size);
            Array.Resize(ref _scores, size);
            Array.Resize(ref _touched, size);
        }
        return _slotCount++;
    }
}
