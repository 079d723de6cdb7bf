using System.Runtime.InteropServices;
using System.Text.Json;

namespace Persona.Core.Import;

/// <summary>
/// The last characters of a JSON string value without decoding all of it. Assistant replies are most of
/// an export's bytes but only their tail is kept as context, so decoding just the tail saves most of the
/// import's allocations. The raw (still escaped) bytes are cut right after a space, which can never sit
/// inside an escape sequence or a multi-byte UTF-8 character.
/// </summary>
internal static class JsonStringTail
{
    /// <summary>Up to (about) the last <paramref name="minChars"/> or more characters of the string <paramref name="value"/>.</summary>
    public static string Get(JsonElement value, int minChars)
    {
        var raw = JsonMarshal.GetRawUtf8Value(value);
        // Escaped, one character takes at most 6 bytes (\uXXXX); keep slack for removed citation markers.
        var window = (long)minChars * 6 + 256;
        if (raw.Length - 2 <= window)
            return value.GetString()!;

        var content = raw[1..^1];
        var start = content.Length - (int)window;
        var space = content[start..].IndexOf((byte)' ');
        if (space < 0)
            return value.GetString()!;

        var tail = content[(start + space + 1)..];
        var buffer = new byte[tail.Length + 2];
        buffer[0] = (byte)'"';
        tail.CopyTo(buffer.AsSpan(1));
        buffer[^1] = (byte)'"';
        var reader = new Utf8JsonReader(buffer);
        reader.Read();
        return reader.GetString()!;
    }
}
