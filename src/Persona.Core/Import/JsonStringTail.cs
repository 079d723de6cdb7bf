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
        // Mostly-ASCII text needs about minChars bytes; escaped text up to 6 bytes a character (\uXXXX).
        // Try a small window first and widen it when the decoded tail comes out short.
        return TryTail(value, (long)minChars * 2 + 256, minChars) ?? TryTail(value, (long)minChars * 6 + 256, minChars) ?? value.GetString()!;
    }

    private static string? TryTail(JsonElement value, long window, int minChars)
    {
        var raw = JsonMarshal.GetRawUtf8Value(value);
        if (raw.Length - 2 <= window)
            return value.GetString()!;

        var content = raw[1..^1];
        var start = content.Length - (int)window;
        var space = content[start..].IndexOf((byte)' ');
        if (space < 0)
            return null;

        var tail = content[(start + space + 1)..];
        var buffer = new byte[tail.Length + 2];
        buffer[0] = (byte)'"';
        tail.CopyTo(buffer.AsSpan(1));
        buffer[^1] = (byte)'"';
        var reader = new Utf8JsonReader(buffer);
        reader.Read();
        var text = reader.GetString()!;
        return text.Length >= minChars + 64 ? text : null;
    }
}
