using System.Text.Json;

namespace Persona.Core.Import.ChatGpt;

/// <summary>Text extraction from ChatGPT <c>content</c> objects, for every <c>content_type</c> seen in exports.</summary>
internal static class ChatGptContent
{
    private static readonly HashSet<string> Known = new(StringComparer.Ordinal)
    {
        "text", "multimodal_text", "code", "execution_output", "tether_browsing_display", "tether_quote",
        "tether_browsing_code", "system_error", "user_editable_context", "model_editable_context", "thoughts",
        "reasoning_recap", "sonic_webpage", "citable_code_output", "computer_output", "app_pairing_content",
    };

    public static bool IsKnown(string contentType) => Known.Contains(contentType);

    /// <summary>Content types whose user-authored text is the person's own writing.</summary>
    public static bool IsPersonText(string? contentType) => contentType is "text" or "multimodal_text";

    /// <summary>
    /// The person's text: string parts, and the text of object parts (voice transcriptions spoken by
    /// the person); images and audio pointers contribute nothing.
    /// </summary>
    public static string PersonText(JsonElement content)
    {
        if (content.Arr("parts") is not { } parts)
            return content.Str("text") ?? string.Empty;
        return TextNormalizer.Join(parts.EnumerateArray().Select(PartText));
    }

    /// <summary>
    /// Any readable text, trying in order: <c>parts</c> (strings or objects with <c>text</c>), <c>text</c>,
    /// <c>result</c>, <c>output_str</c>, <c>content</c> (string), <c>thoughts[].content|summary</c>.
    /// </summary>
    public static string AnyText(JsonElement content)
    {
        if (content.Arr("parts") is { } parts)
        {
            var joined = TextNormalizer.Join(parts.EnumerateArray().Select(PartText));
            if (joined.Length > 0)
                return joined;
        }

        foreach (var name in (ReadOnlySpan<string>)["text", "result", "output_str", "content"])
        {
            if (content.Str(name) is { Length: > 0 } value)
                return value;
        }

        if (content.Arr("thoughts") is { } thoughts)
        {
            return TextNormalizer.Join(thoughts.EnumerateArray()
                .Select(t => t.ValueKind == JsonValueKind.Object ? t.Str("content") ?? t.Str("summary") ?? string.Empty : string.Empty));
        }

        return string.Empty;
    }

    /// <summary>
    /// The end of <see cref="AnyText"/>: at least the last <paramref name="maxChars"/> characters when the text is
    /// longer, decoding only the tail of long string parts.
    /// </summary>
    public static string AnyTextTail(JsonElement content, int maxChars)
    {
        if (content.Arr("parts") is not { } parts || parts.EnumerateArray().Any(p => p.ValueKind != JsonValueKind.String))
            return AnyText(content);

        var tails = new List<string>();
        var length = 0;
        for (var i = parts.GetArrayLength() - 1; i >= 0 && length <= maxChars; i--)
        {
            var tail = JsonStringTail.Get(parts[i], maxChars);
            tails.Add(tail);
            length += tail.Length + 1;
        }

        tails.Reverse();
        var joined = TextNormalizer.Join(tails);
        return joined.Length > 0 ? joined : AnyText(content);
    }

    private static string PartText(JsonElement part) => part.ValueKind switch
    {
        JsonValueKind.String => part.GetString()!,
        JsonValueKind.Object when part.Str("direction") == "out" => string.Empty,
        JsonValueKind.Object => part.Str("text") ?? string.Empty,
        _ => string.Empty,
    };
}
