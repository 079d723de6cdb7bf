using System.Text.Json;

namespace Persona.Core.Import.Claude;

/// <summary>
/// Reads one Claude.ai conversation: the bulk export (<c>chat_messages</c>) or the per-conversation
/// web-API shape. Text comes from <c>content[]</c> text blocks (the flat <c>text</c> only when
/// <c>content</c> is absent or empty); thinking, tool use and attachments are not the person's prose.
/// With <c>parent_message_uuid</c> links the thread is the walk up from <c>current_leaf_message_uuid</c>
/// (or the latest leaf); without them the array order is the thread.
/// </summary>
internal sealed class ClaudeConversationParser : IConversationParser
{
    /// <summary>The parent of a root message in the web-API shape.</summary>
    private const string RootSentinel = "00000000-0000-4000-8000-000000000000";

    public ExportFormat Format => ExportFormat.Claude;

    public void Parse(JsonElement conversation, string jsonPath, FileImportState state)
    {
        if (conversation.ValueKind != JsonValueKind.Object || conversation.Arr("chat_messages") is not { } chatMessages)
        {
            state.Diagnose(null, jsonPath, "expected a conversation object with chat_messages; skipped");
            state.Skip(SkipReason.BrokenConversation);
            return;
        }

        var id = conversation.Str("uuid");
        if (id is null)
        {
            id = StableId.For("claude", conversation.Str("name"), conversation.Str("created_at"));
            state.Diagnose(id, jsonPath + ".uuid", "conversation has no uuid; derived one from its name and created_at");
        }

        var messages = chatMessages.EnumerateArray().ToList();
        var nodes = new List<MessageTreeNode>(messages.Count);
        var linked = false;
        for (var i = 0; i < messages.Count; i++)
        {
            var m = messages[i];
            var key = m.Str("uuid") ?? $"#{i}";
            var parent = m.Str("parent_message_uuid");
            linked |= m.ValueKind == JsonValueKind.Object && m.TryGetProperty("parent_message_uuid", out _);
            nodes.Add(new MessageTreeNode(key, parent == RootSentinel ? null : parent, m.Time("created_at")));
        }

        if (!linked)
        {
            // Older exports have no parent links: the array order is the thread.
            for (var i = 0; i < nodes.Count; i++)
                nodes[i] = nodes[i] with { Parent = i > 0 ? nodes[i - 1].Key : null };
        }

        var tree = MessageTree.Build(nodes);
        var path = tree.ActivePath(linked ? conversation.Str("current_leaf_message_uuid") : nodes.LastOrDefault().Key, out var problem);
        if (problem is not null && linked && conversation.Str("current_leaf_message_uuid") is not null)
            state.Diagnose(id, jsonPath + ".current_leaf_message_uuid", problem);

        var builder = new ConversationBuilder(Format, id, conversation.Str("name"), conversation.Time("updated_at") ?? conversation.Time("created_at"));
        var start = new ThreadCursor(null, 0, conversation.Time("created_at"));
        var unreachable = TreeWalk.Run(
            tree,
            path,
            state.Options.Branches,
            start,
            (node, cursor, onActive) => ReadMessage(messages[node], tree.Key(node), $"{jsonPath}.chat_messages[{node}]", cursor, onActive, state, builder),
            node =>
            {
                if (messages[node].Str("sender") == "human")
                    state.Skip(SkipReason.OffActiveBranch);
            });
        if (unreachable > 0)
            state.Diagnose(id, jsonPath + ".chat_messages", $"{unreachable} message(s) sit in parent cycles and cannot be placed; skipped");

        state.Add(builder.Build());
    }

    private static ThreadCursor ReadMessage(
        JsonElement message,
        string key,
        string at,
        ThreadCursor cursor,
        bool onActive,
        FileImportState state,
        ConversationBuilder builder)
    {
        if (message.ValueKind != JsonValueKind.Object)
        {
            state.Diagnose(builder.ConversationId, at, $"expected a message object, found {message.ValueKind}; skipped");
            state.Skip(SkipReason.BrokenConversation);
            return cursor;
        }

        var time = message.Time("created_at");
        cursor = cursor.At(time);
        var sender = message.Str("sender");
        if (sender is not ("human" or "assistant"))
        {
            state.Diagnose(builder.ConversationId, at + ".sender", $"unknown sender '{sender ?? "(none)"}'; skipped");
            state.Skip(SkipReason.UnknownAuthor);
            return cursor;
        }

        var text = TextNormalizer.Normalize(ReadText(message, at, state, builder.ConversationId));
        if (sender == "assistant")
            return cursor.WithAssistantText(text, state.Options.ContextMaxChars);

        if (message.Arr("attachments") is { } attachments)
            state.Skip(SkipReason.AttachmentContent, attachments.EnumerateArray().Count(a => a.Str("extracted_content") is { Length: > 0 }));
        if (text.Length == 0)
        {
            state.Skip(SkipReason.EmptyMessage);
            return cursor;
        }

        return builder.AddPersonMessage(cursor, key, text, time, onActive);
    }

    private static string ReadText(JsonElement message, string at, FileImportState state, string conversationId)
    {
        if (message.Arr("content") is not { } content || content.GetArrayLength() == 0)
            return message.Str("text") ?? string.Empty;

        var parts = new List<string>();
        var index = 0;
        foreach (var block in content.EnumerateArray())
        {
            switch (block.Str("type"))
            {
                case "text":
                case "voice_note":
                    parts.Add(block.Str("text") ?? string.Empty);
                    break;
                case "thinking":
                    state.Skip(SkipReason.Reasoning);
                    break;
                case "tool_use":
                case "tool_result":
                    state.Skip(SkipReason.ToolTraffic);
                    break;
                case "image" or "file" or "video" or "audio" or "document" or "token_budget" or "knowledge":
                    break;
                case var other:
                    state.Diagnose(conversationId, $"{at}.content[{index}].type", $"unknown content block type '{other ?? "(none)"}'; skipped");
                    state.Skip(SkipReason.UnsupportedContent);
                    break;
            }

            index++;
        }

        return TextNormalizer.Join(parts);
    }
}
