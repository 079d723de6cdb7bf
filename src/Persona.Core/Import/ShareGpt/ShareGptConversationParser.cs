using System.Text.Json;

namespace Persona.Core.Import.ShareGpt;

/// <summary>
/// Reads one ShareGPT / Vicuna conversation (<c>{id, conversations: [{from, value}]}</c>): turns from
/// <c>human</c>/<c>user</c> are the person's, model turns are context, system turns are skipped.
/// </summary>
internal sealed class ShareGptConversationParser : IConversationParser
{
    public ExportFormat Format => ExportFormat.ShareGpt;

    public void Parse(JsonElement conversation, string jsonPath, FileImportState state)
    {
        if (conversation.Arr("conversations") is not { } turns)
        {
            state.Diagnose(null, jsonPath, "expected an object with a conversations array; skipped");
            state.Skip(SkipReason.BrokenConversation);
            return;
        }

        var id = conversation.Prop("id") is { } rawId
            ? rawId.ValueKind == JsonValueKind.String ? rawId.GetString()! : rawId.GetRawText()
            : StableId.For("sharegpt", turns.GetRawText());
        var builder = new ConversationBuilder(Format, id, conversation.Str("title"), null);
        var cursor = new ThreadCursor(null, 0, null);
        var index = 0;
        foreach (var turn in turns.EnumerateArray())
        {
            var at = $"{jsonPath}.conversations[{index}]";
            var from = turn.Str("from")?.ToLowerInvariant();
            var value = turn.Str("value");
            if (value is null)
            {
                state.Diagnose(id, at + ".value", "turn has no string value; skipped");
                state.Skip(SkipReason.UnsupportedContent);
            }
            else if (from is "human" or "user")
            {
                var text = TextNormalizer.Normalize(value);
                if (text.Length == 0)
                    state.Skip(SkipReason.EmptyMessage);
                else
                    cursor = builder.AddPersonMessage(cursor, index.ToString(), text, null, true);
            }
            else if (from is "gpt" or "assistant" or "chatgpt" or "bard" or "bing" or "model" or "claude")
            {
                cursor = cursor.WithAssistantText(TextNormalizer.Normalize(value), state.Options.ContextMaxChars);
            }
            else if (from is "system")
            {
                state.Skip(SkipReason.SystemMessage);
            }
            else
            {
                state.Diagnose(id, at + ".from", $"unknown speaker '{from ?? "(none)"}'; skipped");
                state.Skip(SkipReason.UnknownAuthor);
            }

            index++;
        }

        state.Add(builder.Build());
    }
}
