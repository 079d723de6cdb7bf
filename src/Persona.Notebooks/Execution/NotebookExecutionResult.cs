namespace Persona.Notebooks.Execution;

/// <summary>What happened when a notebook ran: every failing cell, and the one that stopped the run.</summary>
internal sealed record NotebookExecutionResult(IReadOnlyList<CellFailure> Failures, int CellsRun)
{
    /// <summary>The first failure that was not allowed (the run stopped there), or null.</summary>
    public CellFailure? StoppedAt => Failures.FirstOrDefault(f => !f.Allowed);

    public bool Succeeded => StoppedAt is null;
}
