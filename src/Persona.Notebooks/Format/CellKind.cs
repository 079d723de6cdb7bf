namespace Persona.Notebooks.Format;

/// <summary>nbformat's <c>cell_type</c>.</summary>
internal enum CellKind
{
    Code,
    Markdown,
    Raw,
}
