namespace Persona.Notebooks.Execution;

/// <summary>A code cell after directive processing. Line numbers of <see cref="Code"/> match the cell's.</summary>
internal sealed record PreparedCell(CellAction Action, string Code, bool TimeIt = false, string? Error = null, int? ErrorLine = null);
