using System.Text.Json;

namespace Persona.Core.Import.ChatGpt;

/// <summary>
/// Reads one ChatGPT conversation (<c>mapping</c> tree). The visible thread is the walk from
/// <c>current_node</c> up the <c>parent</c> links; the person's messages are visible user turns with
/// text; custom instructions and memory go to self-description; tool traffic, hidden system
/// messages and reasoning are skipped; visible assistant text becomes the context of the next
/// person message.
/// </summary>
internal sealed class ChatGptConversationParser : IConversationParser
{
    public ExportFormat Format => ExportFormat.ChatGpt;

    public void Parse(JsonElement conversation, string jsonPath, FileImportState state)
    {
        if (conversation.ValueKind != JsonValueKind.Object)
        {
            state.Diagnose(null, jsonPath, $"expected a conversation object, found {conversation.ValueKind}; skipped");
            state.Skip(SkipReason.BrokenConversation);
            return;
        }

        var id = conversation.Str("conversation_id") ?? conversation.Str("id");
        if (id is null)
        {
            id = StableId.For("chatgpt", conversation.Str("title"), conversation.Prop("create_time")?.GetRawText());
            state.Diagnose(id, jsonPath + ".id", "conversation has no id; derived one from its title and create_time");
        }

        if (conversation.Obj("mapping") is not { } mapping)
        {
            state.Diagnose(id, jsonPath + ".mapping", "conversation has no mapping (no messages); skipped");
            state.Skip(SkipReason.BrokenConversation);
            return;
        }

        var title = conversation.Str("title");
        var nodes = new List<MessageTreeNode>();
        var messages = new List<JsonElement?>();
        var children = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var property in mapping.EnumerateObject())
        {
            if (property.Value.ValueKind != JsonValueKind.Object)
            {
                state.Diagnose(id, $"{jsonPath}.mapping['{property.Name}']", "node is not an object; skipped");
                continue;
            }

            var message = property.Value.Obj("message");
            nodes.Add(new MessageTreeNode(property.Name, property.Value.Str("parent"), message?.Time("create_time")));
            messages.Add(message);
            if (property.Value.Arr("children") is { } list)
                children[property.Name] = list;
        }

        var tree = MessageTree.Build(nodes, key => children.TryGetValue(key, out var list)
            ? list.EnumerateArray().Where(c => c.ValueKind == JsonValueKind.String).Select(c => c.GetString()!).ToList()
            : null);
        var path = tree.ActivePath(conversation.Str("current_node"), out var problem);
        if (problem is not null)
            state.Diagnose(id, jsonPath + ".current_node", problem);

        var builder = new ConversationBuilder(Format, id, title, conversation.Time("update_time") ?? conversation.Time("create_time"));
        var walk = new NodeWalk(this, state, builder, messages, tree, jsonPath);
        var unreachable = TreeWalk.Run(
            tree,
            path,
            state.Options.Branches,
            new ThreadCursor(null, 0, conversation.Time("create_time")),
            walk.Step,
            walk.OffBranch);
        if (unreachable > 0)
            state.Diagnose(id, jsonPath + ".mapping", $"{unreachable} node(s) sit in parent cycles and cannot be placed; skipped");

        state.Add(builder.Build());
    }

    /// <summary>The per-node step of one conversation's walk.</summary>
    private sealed class NodeWalk(
        ChatGptConversationParser parser,
        FileImportState state,
        ConversationBuilder builder,
        List<JsonElement?> messages,
        MessageTree tree,
        string jsonPath)
    {
        public ThreadCursor Step(int node, ThreadCursor cursor, bool onActive)
        {
            if (messages[node] is not { } message)
                return cursor;
            var at = $"{jsonPath}.mapping['{tree.Key(node)}'].message";
            return parser.ReadMessage(message, tree.Key(node), at, cursor, onActive, state, builder);
        }

        public void OffBranch(int node)
        {
            if (messages[node] is { } message && message.Obj("author")?.Str("role") == "user"
                && ChatGptContent.IsPersonText(message.Obj("content")?.Str("content_type")))
                state.Skip(SkipReason.OffActiveBranch);
        }
    }

    private ThreadCursor ReadMessage(
        JsonElement message,
        string nodeKey,
        string at,
        ThreadCursor cursor,
        bool onActive,
        FileImportState state,
        ConversationBuilder builder)
    {
        var role = message.Obj("author")?.Str("role");
        var content = message.Obj("content");
        var contentType = content?.Str("content_type");
        var metadata = message.Obj("metadata");
        var time = message.Time("create_time");
        var id = builder.ConversationId;
        cursor = cursor.At(time);

        if (content is null)
        {
            state.Diagnose(id, at + ".content", "message has no content object; skipped");
            state.Skip(SkipReason.UnsupportedContent);
            return cursor;
        }

        if (metadata?.Obj("user_context_message_data") is { } contextData)
        {
            state.SelfDescribe(SelfDescriptionKind.AboutUser, contextData.Str("about_user_message"), Format, id, time);
            state.SelfDescribe(SelfDescriptionKind.ResponseInstructions, contextData.Str("about_model_message"), Format, id, time);
        }

        switch (contentType)
        {
            case "user_editable_context":
                state.SelfDescribe(SelfDescriptionKind.AboutUser, content.Value.Str("user_profile"), Format, id, time);
                state.SelfDescribe(SelfDescriptionKind.ResponseInstructions, content.Value.Str("user_instructions"), Format, id, time);
                return cursor;
            case "model_editable_context":
                state.SelfDescribe(SelfDescriptionKind.Memory, content.Value.Str("model_set_context"), Format, id, time);
                return cursor;
        }

        if (contentType is null || !ChatGptContent.IsKnown(contentType))
            state.Diagnose(id, at + ".content.content_type", $"unknown content_type '{contentType ?? "(none)"}'; read with the generic text fallback");

        switch (role)
        {
            case "user":
                return ReadUser(message, content.Value, contentType, nodeKey, at, cursor, onActive, state, builder, metadata);
            case "assistant":
                return ReadAssistant(message, content.Value, contentType, cursor, state);
            case "system":
            case "developer":
                state.Skip(SkipReason.SystemMessage);
                return cursor;
            case "tool":
            case "function":
                state.Skip(SkipReason.ToolTraffic);
                return cursor;
            default:
                state.Diagnose(id, at + ".author.role", $"unknown author role '{role ?? "(none)"}'; skipped");
                state.Skip(SkipReason.UnknownAuthor);
                return cursor;
        }
    }

    private static ThreadCursor ReadUser(
        JsonElement message,
        JsonElement content,
        string? contentType,
        string nodeKey,
        string at,
        ThreadCursor cursor,
        bool onActive,
        FileImportState state,
        ConversationBuilder builder,
        JsonElement? metadata)
    {
        if (metadata?.IsTrue("is_user_system_message") == true || metadata?.IsTrue("is_visually_hidden_from_conversation") == true)
        {
            state.Skip(SkipReason.HiddenMessage);
            return cursor;
        }

        if (!ChatGptContent.IsPersonText(contentType))
        {
            if (contentType is not null && ChatGptContent.IsKnown(contentType))
                state.Diagnose(builder.ConversationId, at + ".content", $"user message with content_type '{contentType}' is not the person's text; skipped");
            state.Skip(SkipReason.UnsupportedContent);
            return cursor;
        }

        var text = TextNormalizer.Normalize(ChatGptContent.PersonText(content));
        if (text.Length == 0)
        {
            state.Skip(SkipReason.EmptyMessage);
            return cursor;
        }

        return builder.AddPersonMessage(cursor, nodeKey, text, message.Time("create_time"), onActive);
    }

    private static ThreadCursor ReadAssistant(JsonElement message, JsonElement content, string? contentType, ThreadCursor cursor, FileImportState state)
    {
        if (contentType is "thoughts" or "reasoning_recap")
        {
            state.Skip(SkipReason.Reasoning);
            return cursor;
        }

        var recipient = message.Str("recipient");
        if (recipient is not null && recipient != "all")
        {
            state.Skip(SkipReason.ToolTraffic);
            return cursor;
        }

        if (message.Obj("metadata")?.IsTrue("is_visually_hidden_from_conversation") == true)
            return cursor;

        var text = TextNormalizer.Normalize(ChatGptContent.AnyTextTail(content, state.Options.ContextMaxChars));
        return cursor.WithAssistantText(text, state.Options.ContextMaxChars);
    }
}
