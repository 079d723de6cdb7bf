namespace Persona.Notebooks.Hosting;

/// <summary>Progress a child reports to the runner (drives the per-cell timeout).</summary>
internal enum KernelEventKind
{
    CellStarted,
    CellFailed,
    Finished,
    Crashed,
}
