using Persona.Notebooks.Execution;

namespace Persona.Notebooks.Hosting;

/// <summary>One notebook's result: status, the failing cell (if any), allowed errors, output file and time taken.</summary>
public sealed record NotebookOutcome(
    string NotebookPath,
    string OutputPath,
    NotebookStatus Status,
    CellFailure? Failure,
    IReadOnlyList<CellFailure> AllowedErrors,
    TimeSpan Elapsed,
    string? Message = null)
{
    public bool Passed => Status == NotebookStatus.Passed;

    /// <summary>One line for logs: <c>PASS x.ipynb (3.1 s)</c> or <c>FAIL x.ipynb cell 12 (code #7, line 3): …</c>.</summary>
    public string Describe()
    {
        var seconds = $"{Elapsed.TotalSeconds:0.0} s";
        return Status switch
        {
            NotebookStatus.Passed => $"PASS {NotebookPath} ({seconds}{(AllowedErrors.Count > 0 ? $", {AllowedErrors.Count} allowed cell error(s)" : string.Empty)})",
            _ when Failure is not null => $"FAIL {Failure.Describe(NotebookPath)} ({seconds})",
            _ => $"FAIL {NotebookPath}: {Message} ({seconds})",
        };
    }
}
