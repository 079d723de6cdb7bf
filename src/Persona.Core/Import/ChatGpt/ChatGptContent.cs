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
    public static string PersonText(ChatGptMessageScan content, ReadOnlySpan<byte> source)
    {
        if (content.Parts is not { } parts)
            return content.TextFields[0]?.Decode(source) ?? string.Empty;
        return JoinParts(parts, source);
    }

    /// <summary>
    /// Any readable text, trying in order: <c>parts</c> (strings or objects with <c>text</c>), <c>text</c>,
    /// <c>result</c>, <c>output_str</c>, <c>content</c> (string), <c>thoughts[].content|summary</c>.
    /// </summary>
    public static string AnyText(ChatGptMessageScan content, ReadOnlySpan<byte> source)
    {
        if (content.Parts is { } parts)
        {
            var joined = JoinParts(parts, source);
            if (joined.Length > 0)
                return joined;
        }

        foreach (var field in content.TextFields)
        {
            if (field is { Length: > 0 } raw && raw.Decode(source) is { Length: > 0 } value)
                return value;
        }

        if (content.Thoughts is { } thoughts)
        {
            var texts = new List<string>(thoughts.Count);
            foreach (var thought in thoughts)
                texts.Add(thought.Kind == JsonValueKind.Object ? (thought.Text ?? thought.Summary)?.Decode(source) ?? string.Empty : string.Empty);
            return TextNormalizer.Join(texts);
        }

        return string.Empty;
    }

    /// <summary>
    /// The end of <see cref="AnyText"/>: at least the last <paramref name="maxChars"/> characters when the text is
    /// longer, decoding only the tail of long string parts.
    /// </summary>
    public static string AnyTextTail(ChatGptMessageScan content, ReadOnlySpan<byte> source, int maxChars)
    {
        if (content.Parts is not { } parts || parts.Exists(p => p.Kind != JsonValueKind.String))
            return AnyText(content, source);

        var tails = new List<string>();
        var length = 0;
        for (var i = parts.Count - 1; i >= 0 && length <= maxChars; i--)
        {
            var tail = parts[i].Text!.Value.Tail(source, maxChars);
            tails.Add(tail);
            length += tail.Length + 1;
        }

        tails.Reverse();
        var joined = TextNormalizer.Join(tails);
        return joined.Length > 0 ? joined : AnyText(content, source);
    }

    private static string JoinParts(List<ChatGptPart> parts, ReadOnlySpan<byte> source)
    {
        var texts = new List<string>(parts.Count);
        foreach (var part in parts)
        {
            texts.Add(part.Kind switch
            {
                JsonValueKind.String => part.Text!.Value.Decode(source),
                JsonValueKind.Object when part.DirectionOut => string.Empty,
                JsonValueKind.Object => part.Text?.Decode(source) ?? string.Empty,
                _ => string.Empty,
            });
        }

        return TextNormalizer.Join(texts);
    }
}
