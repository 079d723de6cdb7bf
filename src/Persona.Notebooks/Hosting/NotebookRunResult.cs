namespace Persona.Notebooks.Hosting;

/// <summary>Every notebook's outcome, in run order.</summary>
public sealed record NotebookRunResult(IReadOnlyList<NotebookOutcome> Notebooks)
{
    public int Passed => Notebooks.Count(n => n.Passed);

    public int Failed => Notebooks.Count - Passed;

    /// <summary>The closing line CI reads: <c>N passed, N failed</c>.</summary>
    public string Summary => $"{Passed} passed, {Failed} failed";
}
