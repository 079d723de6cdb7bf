using System.Text.Json;

namespace Persona.Core.Import.Reading;

/// <summary>Strings, property names and numbers, validated as RFC 8259 (and <see cref="Utf8JsonReader"/>) defines them.</summary>
internal ref partial struct JsonTokenReader
{
    private bool ReadString(int quote, JsonTokenType type)
    {
        if (!TryScanString(quote, out var end, out var escaped))
            return false;
        _valueStart = quote + 1;
        _valueLength = end - quote - 1;
        _escaped = escaped;
        return Token(type, quote, end + 1);
    }

    /// <summary>A property name and the colon after it; the value is the next token.</summary>
    private bool ReadPropertyName(int quote)
    {
        if (!TryScanString(quote, out var end, out var escaped))
            return false;
        var colon = SkipWhiteSpace(end + 1);
        if (colon >= _data.Length)
            return Stop(EndOfData);
        if (_data[colon] != ':')
            return Stop(JsonTokenReaderStatus.Unsupported);
        _valueStart = quote + 1;
        _valueLength = end - quote - 1;
        _escaped = escaped;
        return Token(JsonTokenType.PropertyName, quote, colon + 1);
    }

    /// <summary>
    /// Finds the closing quote of the string opening at <paramref name="quote"/>, checking every escape (one of
    /// <c>" \ / b f n r t</c>, or <c>u</c> and four hex digits) and rejecting control characters. UTF-8 is not
    /// checked here, as <see cref="Utf8JsonReader"/> does not check it either: decoding does.
    /// </summary>
    private bool TryScanString(int quote, out int end, out bool escaped)
    {
        end = 0;
        escaped = false;
        var i = quote + 1;
        while (true)
        {
            var found = _data[i..].IndexOfAny(StringStops);
            if (found < 0)
                return Stop(EndOfData);
            i += found;
            var stop = _data[i];
            if (stop == '"')
            {
                end = i;
                return true;
            }

            if (stop != '\\')
                return Stop(JsonTokenReaderStatus.Unsupported); // a raw control character
            escaped = true;
            if (i + 1 >= _data.Length)
                return Stop(EndOfData);
            switch (_data[i + 1])
            {
                case (byte)'"' or (byte)'\\' or (byte)'/' or (byte)'b' or (byte)'f' or (byte)'n' or (byte)'r' or (byte)'t':
                    i += 2;
                    break;
                case (byte)'u':
                    if (i + 5 >= _data.Length)
                        return Stop(EndOfData);
                    if (!IsHex(_data[i + 2]) || !IsHex(_data[i + 3]) || !IsHex(_data[i + 4]) || !IsHex(_data[i + 5]))
                        return Stop(JsonTokenReaderStatus.Unsupported);
                    i += 6;
                    break;
                default:
                    return Stop(JsonTokenReaderStatus.Unsupported);
            }
        }
    }

    /// <summary><c>-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?</c>, then white space, a comma or a closing bracket.</summary>
    private bool ReadNumber(int start)
    {
        var i = start;
        if (_data[i] == '-')
            i++;
        if (i >= _data.Length)
            return Stop(EndOfData);
        if (_data[i] == '0')
            i++;
        else if (!TryDigits(ref i))
            return false;

        if (i < _data.Length && _data[i] == '.')
        {
            i++;
            if (!TryDigits(ref i))
                return false;
        }

        if (i < _data.Length && _data[i] is (byte)'e' or (byte)'E')
        {
            i++;
            if (i < _data.Length && _data[i] is (byte)'+' or (byte)'-')
                i++;
            if (!TryDigits(ref i))
                return false;
        }

        // The number must be followed by something that ends it; at the end of the data it may go on.
        if (i >= _data.Length)
            return Stop(EndOfData);
        if (_data[i] is not ((byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t' or (byte)',' or (byte)'}' or (byte)']'))
            return Stop(JsonTokenReaderStatus.Unsupported);
        _valueStart = start;
        _valueLength = i - start;
        _escaped = false;
        return Token(JsonTokenType.Number, start, i);
    }

    /// <summary>One or more digits from <paramref name="i"/>; false (stopped) when there is none.</summary>
    private bool TryDigits(ref int i)
    {
        if (i >= _data.Length)
            return Stop(EndOfData);
        if (!char.IsAsciiDigit((char)_data[i]))
            return Stop(JsonTokenReaderStatus.Unsupported);
        i++;
        while (i < _data.Length && char.IsAsciiDigit((char)_data[i]))
            i++;
        return true;
    }

    private static bool IsHex(byte value) => char.IsAsciiHexDigit((char)value);
}
