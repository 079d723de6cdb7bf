using Persona.Notebooks.Execution;

namespace Persona.Notebooks.Hosting;

/// <summary>One line of the child → runner protocol (stdout lines starting with <see cref="Prefix"/>).</summary>
internal sealed record KernelEvent(KernelEventKind Kind, int CellIndex = -1, int CodeOrdinal = 0, CellFailure? Failure = null, string? Message = null)
{
    public const string Prefix = "##persona-kernel ";
}
