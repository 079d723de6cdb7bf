using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using Persona.Core.Import.Reading;

namespace Persona.Core.Import;

/// <summary>
/// Where a JSON string value sits in a source buffer (its content between the quotes, still escaped), so
/// a streaming reader can note values and decode only those that are used, or only their end.
/// </summary>
/// <param name="Start">Offset of the first content byte in the source.</param>
/// <param name="Length">Content length in bytes.</param>
/// <param name="Escaped">Whether the content holds escape sequences.</param>
internal readonly record struct RawJsonString(int Start, int Length, bool Escaped)
{
    private static readonly UTF8Encoding StrictUtf8 = new(false, true);

    /// <summary>Notes the string token the reader is on (which must come from a single span).</summary>
    public static RawJsonString At<TReader>(ref TReader reader)
        where TReader : IJsonTokenReader, allows ref struct =>
        new((int)reader.TokenStartIndex + 1, reader.ValueSpan.Length, reader.ValueIsEscaped);

    /// <summary>
    /// The decoded value. Invalid UTF-8 throws <see cref="InvalidOperationException"/>, as
    /// <see cref="JsonElement.GetString"/> does; importers turn it into a diagnostic.
    /// </summary>
    public string Decode(ReadOnlySpan<byte> source) => DecodeContent(source.Slice(Start, Length), Escaped);

    /// <summary>At least the last <paramref name="minChars"/> characters of the value (all of it when shorter).</summary>
    public string Tail(ReadOnlySpan<byte> source, int minChars) => JsonStringTail.Get(source.Slice(Start, Length), Escaped, minChars);

    /// <summary>Decodes string content (the bytes between the quotes).</summary>
    public static string DecodeContent(ReadOnlySpan<byte> content, bool escaped)
    {
        if (!escaped)
        {
            if (!Utf8.IsValid(content))
                throw new InvalidOperationException("Cannot transcode invalid UTF-8 JSON text to UTF-16 string.");
            return StrictUtf8.GetString(content);
        }

        if (TryUnescape(content) is { } text)
            return text;

        // Invalid UTF-8 or an unpaired surrogate escape: the framework's reader decides (and says why it cannot).
        var rented = ArrayPool<byte>.Shared.Rent(content.Length + 2);
        try
        {
            rented[0] = (byte)'"';
            content.CopyTo(rented.AsSpan(1));
            rented[content.Length + 1] = (byte)'"';
            var reader = new Utf8JsonReader(rented.AsSpan(0, content.Length + 2));
            reader.Read();
            return reader.GetString()!;
        }
        catch (JsonException ex)
        {
            throw new InvalidOperationException(ex.Message, ex);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>
    /// Escaped content straight to UTF-16, as <see cref="Utf8JsonReader.GetString"/> decodes it (the framework's
    /// reader checks every string it reads byte by byte once it holds an escape, which is most of an export's text).
    /// Null for anything but valid UTF-8 with well-formed escapes and surrogate pairs.
    /// </summary>
    private static string? TryUnescape(ReadOnlySpan<byte> content)
    {
        char[]? rented = null;
        Span<char> buffer = content.Length <= 256 ? stackalloc char[256] : (rented = ArrayPool<char>.Shared.Rent(content.Length));
        try
        {
            var written = 0;
            while (true)
            {
                var slash = content.IndexOf((byte)'\\');
                var plain = slash < 0 ? content : content[..slash];
                if (Utf8.ToUtf16(plain, buffer[written..], out _, out var chars, replaceInvalidSequences: false) != OperationStatus.Done)
                    return null;
                written += chars;
                if (slash < 0)
                    return new string(buffer[..written]);
                if (slash + 1 >= content.Length)
                    return null;
                var length = 2;
                switch (content[slash + 1])
                {
                    case (byte)'"' or (byte)'\\' or (byte)'/':
                        buffer[written++] = (char)content[slash + 1];
                        break;
                    case (byte)'b':
                        buffer[written++] = '\b';
                        break;
                    case (byte)'f':
                        buffer[written++] = '\f';
                        break;
                    case (byte)'n':
                        buffer[written++] = '\n';
                        break;
                    case (byte)'r':
                        buffer[written++] = '\r';
                        break;
                    case (byte)'t':
                        buffer[written++] = '\t';
                        break;
                    case (byte)'u' when Hex(content, slash + 2) is int unit:
                        length = 6;
                        if (char.IsHighSurrogate((char)unit)
                            && content.Length > slash + 7 && content[slash + 6] == '\\' && content[slash + 7] == 'u'
                            && Hex(content, slash + 8) is int low && char.IsLowSurrogate((char)low))
                        {
                            buffer[written++] = (char)unit;
                            buffer[written++] = (char)low;
                            length = 12;
                        }
                        else if (char.IsSurrogate((char)unit))
                        {
                            return null;
                        }
                        else
                        {
                            buffer[written++] = (char)unit;
                        }

                        break;
                    default:
                        return null;
                }

                content = content[(slash + length)..];
            }
        }
        finally
        {
            if (rented is not null)
                ArrayPool<char>.Shared.Return(rented);
        }
    }

    /// <summary>Four hex digits at <paramref name="at"/> as a UTF-16 code unit; null when they are not there.</summary>
    private static int? Hex(ReadOnlySpan<byte> content, int at)
    {
        if (content.Length < at + 4)
            return null;
        var value = 0;
        for (var i = at; i < at + 4; i++)
        {
            var digit = HexDigit(content[i]);
            if (digit < 0)
                return null;
            value = value << 4 | digit;
        }

        return value;
    }

    private static int HexDigit(byte c) => c switch
    {
        >= (byte)'0' and <= (byte)'9' => c - '0',
        >= (byte)'a' and <= (byte)'f' => c - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => c - 'A' + 10,
        _ => -1,
    };
}
