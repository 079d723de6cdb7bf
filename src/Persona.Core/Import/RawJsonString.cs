using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;

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
    public static RawJsonString At(ref Utf8JsonReader reader) =>
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
}
