namespace Persona.Parquet.Reading;

/// <summary>How a top-level field of a file maps to values.</summary>
internal enum ColumnShape
{
    /// <summary>A primitive leaf, required or optional.</summary>
    Flat,

    /// <summary>A LIST of a primitive element (3-level or legacy 2-level).</summary>
    List,

    /// <summary>Structs, maps, deeper nesting: reported, not read.</summary>
    Unsupported,
}
