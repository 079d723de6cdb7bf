namespace Persona.Notebooks.Execution;

/// <summary>How one notebook is executed in the current process.</summary>
internal sealed record NotebookExecutionOptions
{
    public IReadOnlyList<ParameterValue> Parameters { get; init; } = [];

    public AnswerBook Answers { get; init; } = AnswerBook.Empty;

    /// <summary>Go on after a failing cell (nbclient's <c>allow_errors</c>); errors are still recorded.</summary>
    public bool AllowErrors { get; init; }

    /// <summary>Copy of cell console output as it happens (the child's stderr, shown by the runner), or null.</summary>
    public TextWriter? Echo { get; init; }
}
