namespace OrleansAssistant.Grains.Users;

/// <summary>
/// The last turns of one chat, for the model's context: at most <c>size</c>, none older than
/// <c>lifetime</c>. In memory only; after a deactivation it is loaded again from the history table.
/// </summary>
public sealed class ConversationWindow(int size = 5, TimeSpan? lifetime = null)
{
    private readonly TimeSpan _lifetime = lifetime ?? TimeSpan.FromMinutes(5);
    private readonly LinkedList<ConversationTurn> _turns = new();

    public int Size => size;

    public TimeSpan Lifetime => _lifetime;

    /// <summary>Whether the window reflects the history (false until loaded after an activation).</summary>
    public bool IsLoaded { get; private set; }

    public void Load(IEnumerable<ConversationTurn> turns)
    {
        _turns.Clear();
        foreach (var turn in turns.OrderBy(turn => turn.At)) Add(turn);
        IsLoaded = true;
    }

    public void Add(ConversationTurn turn)
    {
        _turns.AddLast(turn);
        while (_turns.Count > size) _turns.RemoveFirst();
    }

    /// <summary>The turns still fresh at <paramref name="now"/>, oldest first.</summary>
    public IReadOnlyList<ConversationTurn> Recent(DateTimeOffset now) => _turns.Where(turn => now - turn.At < _lifetime).ToArray();

    public void Clear()
    {
        _turns.Clear();
        IsLoaded = true;
    }
}
