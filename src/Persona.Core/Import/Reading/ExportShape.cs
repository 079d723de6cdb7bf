namespace Persona.Core.Import.Reading;

/// <summary>What the sniffer made of an item.</summary>
/// <param name="Format">A supported format, or null.</param>
/// <param name="Wrapped">True when the item is <c>{"conversations": [...]}</c> wrapping the real items.</param>
/// <param name="Unsupported">The name of a recognised but unsupported format.</param>
internal readonly record struct ExportShape(ExportFormat? Format, bool Wrapped = false, string? Unsupported = null)
{
    public static ExportShape Unknown => default;
}
