using System.Text.Json;

namespace Persona.Core.Import.Reading;

/// <summary>
/// <see cref="IJsonTokenReader"/> over a copy of a <see cref="Utf8JsonReader"/>; <see cref="Reader"/> is where it
/// stopped, to copy back (also when it threw on malformed JSON, for the position).
/// </summary>
internal ref struct Utf8JsonTokenReader(Utf8JsonReader reader) : IJsonTokenReader
{
    private Utf8JsonReader _reader = reader;

    public readonly Utf8JsonReader Reader => _reader;

    public readonly JsonTokenType TokenType => _reader.TokenType;

    public readonly long TokenStartIndex => _reader.TokenStartIndex;

    public readonly long BytesConsumed => _reader.BytesConsumed;

    public readonly ReadOnlySpan<byte> ValueSpan => _reader.ValueSpan;

    public readonly bool ValueIsEscaped => _reader.ValueIsEscaped;

    public bool Read() => _reader.Read();

    public bool TrySkip() => _reader.TrySkip();

    public readonly bool ValueTextEquals(ReadOnlySpan<byte> utf8Text) => _reader.ValueTextEquals(utf8Text);

    public readonly string? GetString() => _reader.GetString();

    public readonly bool TryGetDouble(out double value) => _reader.TryGetDouble(out value);
}
