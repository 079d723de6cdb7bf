using System.Buffers;
using System.Text.Json;

namespace Persona.Core.Import.Reading;

/// <summary>
/// A forward-only JSON tokenizer over one buffer for the single-pass scan: strings are searched with vector
/// instructions (<see cref="Utf8JsonReader"/> walks a string byte by byte after its first escape, and export text
/// is full of <c>\n</c>). It reads one value, starting at a given offset, and takes only a strict subset of what
/// <see cref="Utf8JsonReader"/> takes with the importer's options: no comments, at most
/// <see cref="MaxDepth"/> levels, and property names compared only when they hold no escapes. Anything else,
/// valid or not, stops it with <see cref="JsonTokenReaderStatus.Unsupported"/>, and the caller reads the same
/// value with <see cref="Utf8JsonReader"/>, which accepts it or reports the error where it is. Everything this
/// reader accepts, <see cref="Utf8JsonReader"/> accepts with the same tokens (the tests compare the two).
/// </summary>
internal ref partial struct JsonTokenReader : IJsonTokenReader
{
    /// <summary>Nesting levels read before giving the value to <see cref="Utf8JsonReader"/>.</summary>
    public const int MaxDepth = 64;

    /// <summary>Bytes that end the fast search inside a string: the closing quote, an escape, or a control character (invalid).</summary>
    private static readonly SearchValues<byte> StringStops = SearchValues.Create(
        "\0\u0001\u0002\u0003\u0004\u0005\u0006\u0007\b\t\n\u000b\f\r\u000e\u000f\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001a\u001b\u001c\u001d\u001e\u001f\"\\"u8);

    private readonly ReadOnlySpan<byte> _data;
    private readonly bool _isFinalBlock;
    private int _position;
    private int _tokenStart;
    private int _valueStart;
    private int _valueLength;
    private int _depth;

    /// <summary>Bit <c>d</c> is set when the container at depth <c>d + 1</c> is an object.</summary>
    private ulong _objects;
    private JsonTokenType _tokenType;
    private bool _escaped;

    /// <param name="data">The buffer; offsets are relative to its start.</param>
    /// <param name="start">Where the value starts (its first token, or whitespace before it).</param>
    /// <param name="isFinalBlock">False when more data may follow the buffer (running out then means "read again later").</param>
    public JsonTokenReader(ReadOnlySpan<byte> data, int start, bool isFinalBlock)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(start, data.Length);
        _data = data;
        _position = start;
        _isFinalBlock = isFinalBlock;
    }

    public JsonTokenReaderStatus Status { get; private set; }

    public readonly JsonTokenType TokenType => _tokenType;

    public readonly long TokenStartIndex => _tokenStart;

    public readonly long BytesConsumed => _position;

    public readonly ReadOnlySpan<byte> ValueSpan => _tokenType is JsonTokenType.String or JsonTokenType.PropertyName or JsonTokenType.Number
        ? _data.Slice(_valueStart, _valueLength)
        : default;

    public readonly bool ValueIsEscaped => _escaped;

    /// <summary>
    /// Reads the next token. False after the last token of the value (<see cref="Status"/> stays
    /// <see cref="JsonTokenReaderStatus.Reading"/>: nothing after the value is read), when the data ends, or on
    /// anything unsupported (see <see cref="Status"/>).
    /// </summary>
    public bool Read()
    {
        if (Status != JsonTokenReaderStatus.Reading)
            return false;
        if (_depth == 0 && _tokenType is not (JsonTokenType.None or JsonTokenType.PropertyName))
            return false;

        var position = SkipWhiteSpace(_position);
        if (position >= _data.Length)
            return Stop(EndOfData);
        var next = _data[position];
        switch (_tokenType)
        {
            case JsonTokenType.None:
            case JsonTokenType.PropertyName:
                return ReadValue(position, next);
            case JsonTokenType.StartObject:
                return next switch
                {
                    (byte)'}' => EndContainer(position, JsonTokenType.EndObject),
                    (byte)'"' => ReadPropertyName(position),
                    _ => Stop(JsonTokenReaderStatus.Unsupported),
                };
            case JsonTokenType.StartArray:
                return next == ']' ? EndContainer(position, JsonTokenType.EndArray) : ReadValue(position, next);
            default:
                return ReadAfterValue(position, next);
        }
    }

    public bool TrySkip()
    {
        if (_tokenType == JsonTokenType.PropertyName && !Read())
            return false;
        if (_tokenType is not (JsonTokenType.StartObject or JsonTokenType.StartArray))
            return Status == JsonTokenReaderStatus.Reading;
        var depth = _depth - 1;
        while (Read())
        {
            if (_depth == depth)
                return true;
        }

        return false;
    }

    /// <summary>
    /// Compares the current string or property name with <paramref name="utf8Text"/>. An escaped value is not compared:
    /// the reader stops with <see cref="JsonTokenReaderStatus.Unsupported"/> and returns false.
    /// </summary>
    public bool ValueTextEquals(ReadOnlySpan<byte> utf8Text)
    {
        if (_tokenType is not (JsonTokenType.String or JsonTokenType.PropertyName))
            throw new InvalidOperationException($"Cannot compare the value of a token of type '{_tokenType}' to text.");
        if (Status != JsonTokenReaderStatus.Reading)
            return false;
        if (_escaped)
            return Stop(JsonTokenReaderStatus.Unsupported);
        return _data.Slice(_valueStart, _valueLength).SequenceEqual(utf8Text);
    }

    public readonly string? GetString() => _tokenType switch
    {
        JsonTokenType.Null => null,
        JsonTokenType.String or JsonTokenType.PropertyName => RawJsonString.DecodeContent(_data.Slice(_valueStart, _valueLength), _escaped),
        _ => throw new InvalidOperationException($"Cannot get the value of a token type '{_tokenType}' as a string."),
    };

    /// <summary>The current number as <see cref="Utf8JsonReader.TryGetDouble"/> reads it (it reads it here, so both agree to the bit).</summary>
    public readonly bool TryGetDouble(out double value)
    {
        if (_tokenType != JsonTokenType.Number)
            throw new InvalidOperationException($"Cannot get the value of a token type '{_tokenType}' as a number.");
        var number = new Utf8JsonReader(_data.Slice(_valueStart, _valueLength));
        number.Read();
        return number.TryGetDouble(out value);
    }

    private readonly JsonTokenReaderStatus EndOfData => _isFinalBlock ? JsonTokenReaderStatus.Unsupported : JsonTokenReaderStatus.NeedsMoreData;

    private bool Stop(JsonTokenReaderStatus status)
    {
        Status = status;
        return false;
    }

    private readonly int SkipWhiteSpace(int position)
    {
        while (position < _data.Length && _data[position] is (byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t')
            position++;
        return position;
    }

    /// <summary>After a complete value: a comma and the next member or element, or the end of the enclosing container.</summary>
    private bool ReadAfterValue(int position, byte next)
    {
        var inObject = (_objects >> (_depth - 1) & 1) != 0;
        if (next == (inObject ? '}' : ']'))
            return EndContainer(position, inObject ? JsonTokenType.EndObject : JsonTokenType.EndArray);
        if (next != ',')
            return Stop(JsonTokenReaderStatus.Unsupported);
        position = SkipWhiteSpace(position + 1);
        if (position >= _data.Length)
            return Stop(EndOfData);
        next = _data[position];
        if (!inObject)
            return ReadValue(position, next);
        return next == '"' ? ReadPropertyName(position) : Stop(JsonTokenReaderStatus.Unsupported);
    }

    private bool ReadValue(int position, byte first)
    {
        switch (first)
        {
            case (byte)'{':
                return StartContainer(position, JsonTokenType.StartObject);
            case (byte)'[':
                return StartContainer(position, JsonTokenType.StartArray);
            case (byte)'"':
                return ReadString(position, JsonTokenType.String);
            case (byte)'t':
                return ReadLiteral(position, "true"u8, JsonTokenType.True);
            case (byte)'f':
                return ReadLiteral(position, "false"u8, JsonTokenType.False);
            case (byte)'n':
                return ReadLiteral(position, "null"u8, JsonTokenType.Null);
            case (byte)'-':
            case >= (byte)'0' and <= (byte)'9':
                return ReadNumber(position);
            default:
                return Stop(JsonTokenReaderStatus.Unsupported);
        }
    }

    private bool StartContainer(int position, JsonTokenType type)
    {
        if (_depth >= MaxDepth)
            return Stop(JsonTokenReaderStatus.Unsupported);
        if (type == JsonTokenType.StartObject)
            _objects |= 1UL << _depth;
        else
            _objects &= ~(1UL << _depth);
        _depth++;
        return Token(type, position, position + 1);
    }

    private bool EndContainer(int position, JsonTokenType type)
    {
        _depth--;
        return Token(type, position, position + 1);
    }

    private bool Token(JsonTokenType type, int start, int end)
    {
        _tokenType = type;
        _tokenStart = start;
        _position = end;
        return true;
    }

    private bool ReadLiteral(int position, ReadOnlySpan<byte> literal, JsonTokenType type)
    {
        if (_data.Length - position < literal.Length)
            return Stop(EndOfData);
        if (!_data.Slice(position, literal.Length).SequenceEqual(literal))
            return Stop(JsonTokenReaderStatus.Unsupported);
        return Token(type, position, position + literal.Length);
    }
}
