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
        return Get(raw[1..^1], raw[1..^1].Contains((byte)'\\'), minChars);
    }

    /// <summary>The same for string content (the bytes between the quotes, <paramref name="escaped"/> or not).</summary>
    public static string Get(ReadOnlySpan<byte> content, bool escaped, int minChars)
    {
        // Mostly-ASCII text needs about minChars bytes; escaped text up to 6 bytes a character (\uXXXX).
        // Try a small window first and widen it when the decoded tail comes out short.
        return TryTail(content, escaped, (long)minChars * 2 + 256, minChars)
            ?? TryTail(content, escaped, (long)minChars * 6 + 256, minChars)
            ?? RawJsonString.DecodeContent(content, escaped);
    }

    private static string? TryTail(ReadOnlySpan<byte> content, bool escaped, long window, int minChars)
    {
        if (content.Length <= window)
            return RawJsonString.DecodeContent(content, escaped);

        var start = content.Length - (int)window;
        var space = content[start..].IndexOf((byte)' ');
        if (space < 0)
            return null;

        var text = RawJsonString.DecodeContent(content[(start + space + 1)..], escaped);
        return text.Length >= minChars + 64 ? text : null;
    }
}
