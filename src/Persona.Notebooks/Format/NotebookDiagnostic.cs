namespace Persona.Notebooks.Format;

/// <summary>A problem with a notebook file, located by path and, where known, cell index and line.</summary>
public sealed record NotebookDiagnostic(string Path, string Message, int? CellIndex = null, int? Line = null)
{
    public override string ToString()
    {
        var where = Path;
        if (CellIndex is { } cell)
            where += $" cell {cell}";
        if (Line is { } line)
            where += CellIndex is null ? $" line {line}" : $", line {line}";
        return $"{where}: {Message}";
    }
}
