using Persona.Notebooks.Execution;

namespace Persona.Notebooks.Hosting;

/// <summary>One line of the child → runner protocol (stdout lines starting with <see cref="Prefix"/>).</summary>
/// <param name="CellIndex">The cell's index in the source notebook.</param>
/// <param name="OutputIndex">The cell's index in the executed notebook (differs after an injected parameters cell).</param>
internal sealed record KernelEvent(KernelEventKind Kind, int CellIndex = -1, int CodeOrdinal = 0, CellFailure? Failure = null, string? Message = null, int OutputIndex = -1)
{
    public const string Prefix = "##persona-kernel ";
}
