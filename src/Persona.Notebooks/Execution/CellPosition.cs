namespace Persona.Notebooks.Execution;

/// <summary>
/// Where a cell is: its index in the executed notebook (which may hold an injected parameters cell), its
/// index in the source notebook, and its 1-based ordinal among the source's code cells.
/// </summary>
internal readonly record struct CellPosition(int OutputIndex, int SourceIndex, int CodeOrdinal, bool Injected = false)
{
    public override string ToString() => Injected ? "injected parameters" : $"cell {SourceIndex} (code #{CodeOrdinal})";
}
