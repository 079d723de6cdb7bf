using System.Text.Json;

namespace Persona.Core.Import.Reading;

/// <summary>
/// The part of <see cref="Utf8JsonReader"/> a single-pass scanner uses, so the same scanning code runs over
/// <see cref="JsonTokenReader"/> (fast, a strict subset of JSON) and <see cref="Utf8JsonTokenReader"/> (the
/// framework reader, for everything else). Members behave as the <see cref="Utf8JsonReader"/> members of the
/// same name; offsets are relative to the start of the reader's data.
/// </summary>
internal interface IJsonTokenReader
{
    JsonTokenType TokenType { get; }

    long TokenStartIndex { get; }

    long BytesConsumed { get; }

    /// <summary>The raw bytes of the current string (between the quotes, still escaped) or number.</summary>
    ReadOnlySpan<byte> ValueSpan { get; }

    bool ValueIsEscaped { get; }

    bool Read();

    /// <summary>Moves past the current object or array; false when its end is not in the data.</summary>
    bool TrySkip();

    bool ValueTextEquals(ReadOnlySpan<byte> utf8Text);

    /// <summary>The current string or property name, decoded; invalid UTF-8 throws <see cref="InvalidOperationException"/>.</summary>
    string? GetString();

    bool TryGetDouble(out double value);
}
