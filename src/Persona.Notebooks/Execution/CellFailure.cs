namespace Persona.Notebooks.Execution;

/// <summary>
/// Where and why a cell failed: index in <c>cells[]</c>, ordinal among code cells (1-based), line in the
/// cell (when known) and a one-line message. <see cref="Allowed"/> when <c>--allow-errors</c> or the
/// cell's <c>raises-exception</c> tag let the run go on.
/// </summary>
public sealed record CellFailure(int CellIndex, int CodeOrdinal, int? Line, string Message, bool Allowed = false)
{
    public string Describe(string notebookPath) =>
        $"{notebookPath} cell {CellIndex} (code #{CodeOrdinal}{(Line is { } l ? $", line {l}" : string.Empty)}): {Message}";
}
