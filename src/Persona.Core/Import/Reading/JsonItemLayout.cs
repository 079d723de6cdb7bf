namespace Persona.Core.Import.Reading;

/// <summary>How the items of a JSON file are laid out at the top level.</summary>
internal enum JsonItemLayout
{
    /// <summary>Not known yet (nothing read).</summary>
    Unknown,

    /// <summary>One top-level array; its elements are the items.</summary>
    Array,

    /// <summary>One or more top-level values (a single object, or JSON Lines); each value is an item.</summary>
    Values,
}
