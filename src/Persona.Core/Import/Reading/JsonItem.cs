using System.Text.Json;

namespace Persona.Core.Import.Reading;

/// <summary>
/// One top-level item of an export (an array element, or one value of a JSONL file).
/// <see cref="Element"/> is valid until the next call to <see cref="JsonItemReader.ReadAsync"/>.
/// </summary>
/// <param name="Index">Zero-based index of the item in the file.</param>
/// <param name="Offset">Byte offset of the item's first byte in the file.</param>
/// <param name="Element">The item.</param>
internal readonly record struct JsonItem(int Index, long Offset, JsonElement Element);
