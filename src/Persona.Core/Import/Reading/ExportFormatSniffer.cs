using System.Text.Json;

namespace Persona.Core.Import.Reading;

/// <summary>
/// Recognises an export by the structure of its items, never by file name and never as "any array
/// is ChatGPT". Formats of other chat apps are recognised so they can be refused precisely.
/// </summary>
internal static class ExportFormatSniffer
{
    public const string Expected =
        "a ChatGPT conversations.json (objects with \"mapping\"), a Claude.ai export (objects with \"chat_messages\"), " +
        "ShareGPT (objects with \"conversations\": [{\"from\", \"value\"}]) or OpenAI fine-tuning JSONL ({\"messages\": [{\"role\", \"content\"}]} per line)";

    public static ExportShape Detect(JsonElement item)
    {
        if (item.ValueKind != JsonValueKind.Object)
            return ExportShape.Unknown;

        if (item.TryGetProperty("mapping", out var mapping) && mapping.ValueKind is JsonValueKind.Object or JsonValueKind.Null
            && (item.TryGetProperty("current_node", out _) || item.TryGetProperty("title", out _) || item.TryGetProperty("create_time", out _)))
            return new ExportShape(ExportFormat.ChatGpt);
        if (item.Arr("chat_messages") is not null)
            return new ExportShape(ExportFormat.Claude);

        if (item.Arr("conversations") is { } conversations)
        {
            var first = conversations.EnumerateArray().FirstOrDefault(e => e.ValueKind == JsonValueKind.Object);
            if (first.ValueKind == JsonValueKind.Object)
            {
                if (first.TryGetProperty("mapping", out _))
                    return new ExportShape(ExportFormat.ChatGpt, Wrapped: true);
                if (first.TryGetProperty("chat_messages", out _))
                    return new ExportShape(ExportFormat.Claude, Wrapped: true);
                if (first.TryGetProperty("from", out _) && first.TryGetProperty("value", out _))
                    return new ExportShape(ExportFormat.ShareGpt);
            }
            else if (item.TryGetProperty("id", out _))
            {
                return new ExportShape(ExportFormat.ShareGpt);
            }
        }

        if (item.Str("conversationId") is not null && item.Arr("messages") is not null)
            return Refuse("LibreChat");
        if (item.Arr("messages") is { } messages
            && messages.EnumerateArray().FirstOrDefault().ValueKind == JsonValueKind.Object
            && messages.EnumerateArray().First().TryGetProperty("role", out _))
            return new ExportShape(ExportFormat.OpenAiFineTuneJsonl);
        if (item.Obj("chat")?.Obj("history") is not null)
            return Refuse("Open WebUI");
        if (item.Obj("chunkedPrompt") is not null)
            return Refuse("Google AI Studio");
        if (item.Prop("version") is not null && item.Arr("history") is not null)
            return Refuse("Chatbot UI");
        if (item.Str("header") is not null && item.Str("title") is not null)
            return Refuse("Google Takeout My Activity (Gemini)");
        if (item.Str("sessionId") is not null && item.Str("type") is not null)
            return Refuse("Claude Code transcript");
        return ExportShape.Unknown;
    }

    private static ExportShape Refuse(string name) => new(null, Unsupported: name);
}
