namespace Persona.Notebooks.Execution;

/// <summary>
/// What the kernel shims (<c>display</c>, <c>GetInputAsync</c>, console) reach while a cell runs:
/// the cell's output sink and the answers for input prompts. Flows with the cell's async context.
/// </summary>
internal sealed class ExecutionSession(CellOutputSink sink, AnswerBook answers)
{
    private static readonly AsyncLocal<ExecutionSession?> CurrentSession = new();

    public static ExecutionSession? Current
    {
        get => CurrentSession.Value;
        set => CurrentSession.Value = value;
    }

    public CellOutputSink Sink { get; } = sink;

    public AnswerBook Answers { get; } = answers;

    public static ExecutionSession Require() =>
        Current ?? throw new InvalidOperationException("display and input helpers work only inside a notebook cell run by the Persona runner");
}
