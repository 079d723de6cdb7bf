using System.Text;
using System.Text.Json;

namespace Persona.Core.Import.FineTune;

/// <summary>
/// Reads one record of an OpenAI chat fine-tuning JSONL file (<c>{"messages": [{role, content}]}</c>) as a
/// conversation: <c>user</c> messages are the person's, <c>assistant</c> messages are context, system and
/// tool messages are skipped. Records carry no id, so the id is a hash of the record's messages.
/// </summary>
internal sealed class FineTuneJsonlParser : IConversationParser
{
    public ExportFormat Format => ExportFormat.OpenAiFineTuneJsonl;

    public void Parse(JsonElement conversation, string jsonPath, FileImportState state)
    {
        if (conversation.Arr("messages") is not { } messages)
        {
            state.Diagnose(null, jsonPath, "expected an object with a messages array; skipped");
            state.Skip(SkipReason.BrokenConversation);
            return;
        }

        var id = StableId.ForBytes("jsonl", Encoding.UTF8.GetBytes(messages.GetRawText()));
        var builder = new ConversationBuilder(Format, id, null, null);
        var cursor = new ThreadCursor(null, 0, null);
        var index = 0;
        foreach (var message in messages.EnumerateArray())
        {
            var at = $"{jsonPath}.messages[{index}]";
            var role = message.Str("role");
            var text = TextNormalizer.Normalize(ContentText(message));
            switch (role)
            {
                case "user":
                    if (text.Length == 0)
                        state.Skip(SkipReason.EmptyMessage);
                    else
                        cursor = builder.AddPersonMessage(cursor, index.ToString(), text, null, true);
                    break;
                case "assistant":
                    if (message.Arr("tool_calls") is not null)
                        state.Skip(SkipReason.ToolTraffic);
                    cursor = cursor.WithAssistantText(text, state.Options.ContextMaxChars);
                    break;
                case "system" or "developer":
                    state.Skip(SkipReason.SystemMessage);
                    break;
                case "tool" or "function":
                    state.Skip(SkipReason.ToolTraffic);
                    break;
                default:
                    state.Diagnose(id, at + ".role", $"unknown role '{role ?? "(none)"}'; skipped");
                    state.Skip(SkipReason.UnknownAuthor);
                    break;
            }

            index++;
        }

        state.Add(builder.Build());
    }

    /// <summary><c>content</c> as a string, or the text parts of a content array.</summary>
    private static string ContentText(JsonElement message) => message.Prop("content") switch
    {
        { ValueKind: JsonValueKind.String } text => text.GetString()!,
        { ValueKind: JsonValueKind.Array } parts => TextNormalizer.Join(parts.EnumerateArray()
            .Select(p => p.ValueKind == JsonValueKind.String ? p.GetString()! : p.Str("text") ?? string.Empty)),
        _ => string.Empty,
    };
}
