namespace OrleansAssistant.TestSupport.Models;

/// <summary>
/// What the fake model server answers next: scripted steps first (in order), then the responder if one is
/// set, else a loud 500 so a test that forgot a reply fails instead of hanging. Thread-safe.
/// </summary>
internal sealed class ModelScript
{
    internal const string NothingScripted = "FakeModelServer: no scripted response left for this request.";

    private readonly object _gate = new();
    private readonly Queue<Step> _steps = new();
    private Func<RecordedModelRequest, ScriptedReply>? _responder;

    public void Enqueue(ScriptedReply reply) => Add(new Step(TimeSpan.Zero, reply));

    public void EnqueuePause(TimeSpan pause) => Add(new Step(pause, null));

    public void EnqueueWaitFor(Task until) => Add(new Step(TimeSpan.Zero, null, until));

    public void Respond(Func<RecordedModelRequest, ScriptedReply>? responder)
    {
        lock (_gate) _responder = responder;
    }

    public int Pending
    {
        get { lock (_gate) return _steps.Count; }
    }

    /// <summary>The next step: a pause (<see cref="Step.Reply"/> null) or a reply.</summary>
    public Step Next(RecordedModelRequest request)
    {
        Func<RecordedModelRequest, ScriptedReply>? responder;
        lock (_gate)
        {
            if (_steps.TryDequeue(out var step)) return step;
            responder = _responder;
        }
        return new Step(TimeSpan.Zero, responder?.Invoke(request) ?? new ErrorReply(500, null, NothingScripted));
    }

    private void Add(Step step)
    {
        lock (_gate) _steps.Enqueue(step);
    }

    /// <param name="Until">A pause that lasts until this task completes, in place of <paramref name="Pause"/>.</param>
    internal readonly record struct Step(TimeSpan Pause, ScriptedReply? Reply, Task? Until = null);
}
