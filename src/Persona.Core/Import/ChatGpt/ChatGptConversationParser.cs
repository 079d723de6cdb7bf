using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using Persona.Core.Import.Reading;

namespace Persona.Core.Import.ChatGpt;

/// <summary>
/// Reads one ChatGPT conversation (<c>mapping</c> tree). The visible thread is the walk from
/// <c>current_node</c> up the <c>parent</c> links; the person's messages are visible user turns with
/// text; custom instructions and memory go to self-description; tool traffic, hidden system
/// messages and reasoning are skipped; visible assistant text becomes the context of the next
/// person message. Conversations are first scanned in one pass (<see cref="ChatGptScanner"/>); text is
/// decoded only for the messages the walk reads.
/// </summary>
internal sealed class ChatGptConversationParser : IConversationParser
{
    private static readonly JsonReaderOptions ScanOptions = new() { MaxDepth = 256, CommentHandling = JsonCommentHandling.Skip };

    public ExportFormat Format => ExportFormat.ChatGpt;

    public void Parse(JsonElement conversation, string jsonPath, FileImportState state)
    {
        var source = JsonMarshal.GetRawUtf8Value(conversation).ToArray();
        var reader = new Utf8JsonReader(source, ScanOptions);
        reader.Read();
        var tokens = new Utf8JsonTokenReader(reader);
        var scan = new ChatGptConversationScan();
        if (!ChatGptScanner.TryScan(ref tokens, scan))
            scan.Broken ??= "the conversation ends early";
        Parse(scan, source, jsonPath, state);
    }

    /// <summary>Reads a scanned conversation whose text positions refer to <paramref name="source"/>.</summary>
    public void Parse(ChatGptConversationScan scan, ReadOnlyMemory<byte> source, string jsonPath, FileImportState state)
    {
        try
        {
            if (scan.Broken is not null)
                throw new InvalidOperationException(scan.Broken);
            Walk(scan, source, jsonPath, state);
        }
        catch (Exception ex) when (ex is InvalidOperationException or FormatException or ArgumentException)
        {
            // Invalid UTF-8 inside a string and similar damage surface only when the value is read.
            state.Diagnose(null, jsonPath, $"conversation could not be read ({ex.Message}); skipped");
            state.Skip(SkipReason.BrokenConversation);
        }
    }

    private void Walk(ChatGptConversationScan conversation, ReadOnlyMemory<byte> source, string jsonPath, FileImportState state)
    {
        if (conversation.Kind != JsonValueKind.Object)
        {
            state.Diagnose(null, jsonPath, $"expected a conversation object, found {conversation.Kind}; skipped");
            state.Skip(SkipReason.BrokenConversation);
            return;
        }

        var id = conversation.ConversationId ?? conversation.Id;
        if (id is null)
        {
            var createTime = conversation.CreateTimeRaw is var (start, length)
                ? Encoding.UTF8.GetString(source.Span.Slice(start, length))
                : null;
            id = StableId.For("chatgpt", conversation.Title, createTime);
            state.Diagnose(id, jsonPath + ".id", "conversation has no id; derived one from its title and create_time");
        }

        if (!conversation.HasMapping)
        {
            state.Diagnose(id, jsonPath + ".mapping", "conversation has no mapping (no messages); skipped");
            state.Skip(SkipReason.BrokenConversation);
            return;
        }

        var nodes = new List<MessageTreeNode>(conversation.Nodes.Count);
        var messages = new List<ChatGptMessageScan?>(conversation.Nodes.Count);
        var children = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var node in conversation.Nodes)
        {
            if (!node.IsObject)
            {
                state.Diagnose(id, $"{jsonPath}.mapping['{node.Key}']", "node is not an object; skipped");
                continue;
            }

            nodes.Add(new MessageTreeNode(node.Key, node.Parent, node.Message?.CreateTime));
            messages.Add(node.Message);
            if (node.Children is { } list)
                children[node.Key] = list;
        }

        var tree = MessageTree.Build(nodes, key => children.GetValueOrDefault(key));
        var path = tree.ActivePath(conversation.CurrentNode, out var problem);
        if (problem is not null)
            state.Diagnose(id, jsonPath + ".current_node", problem);

        var builder = new ConversationBuilder(Format, id, conversation.Title, conversation.UpdateTime ?? conversation.CreateTime);
        var walk = new NodeWalk(this, state, builder, messages, tree, source, jsonPath);
        var unreachable = TreeWalk.Run(
            tree,
            path,
            state.Options.Branches,
            new ThreadCursor(null, 0, conversation.CreateTime),
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
        List<ChatGptMessageScan?> messages,
        MessageTree tree,
        ReadOnlyMemory<byte> source,
        string jsonPath)
    {
        public ThreadCursor Step(int node, ThreadCursor cursor, bool onActive)
        {
            if (messages[node] is not { } message)
                return cursor;
            var at = $"{jsonPath}.mapping['{tree.Key(node)}'].message";
            return parser.ReadMessage(message, source.Span, tree.Key(node), at, cursor, onActive, state, builder);
        }

        public void OffBranch(int node)
        {
            if (messages[node] is { Role: "user" } message && message.HasContent && ChatGptContent.IsPersonText(message.ContentType))
                state.Skip(SkipReason.OffActiveBranch);
        }
    }

    private ThreadCursor ReadMessage(
        ChatGptMessageScan message,
        ReadOnlySpan<byte> source,
        string nodeKey,
        string at,
        ThreadCursor cursor,
        bool onActive,
        FileImportState state,
        ConversationBuilder builder)
    {
        var role = message.Role;
        var contentType = message.ContentType;
        var time = message.CreateTime;
        var id = builder.ConversationId;
        cursor = cursor.At(time);

        if (!message.HasContent)
        {
            state.Diagnose(id, at + ".content", "message has no content object; skipped");
            state.Skip(SkipReason.UnsupportedContent);
            return cursor;
        }

        if (message.HasUserContext)
        {
            state.SelfDescribe(SelfDescriptionKind.AboutUser, message.AboutUser?.Decode(source), Format, id, time);
            state.SelfDescribe(SelfDescriptionKind.ResponseInstructions, message.AboutModel?.Decode(source), Format, id, time);
        }

        switch (contentType)
        {
            case "user_editable_context":
                state.SelfDescribe(SelfDescriptionKind.AboutUser, message.UserProfile?.Decode(source), Format, id, time);
                state.SelfDescribe(SelfDescriptionKind.ResponseInstructions, message.UserInstructions?.Decode(source), Format, id, time);
                return cursor;
            case "model_editable_context":
                state.SelfDescribe(SelfDescriptionKind.Memory, message.ModelSetContext?.Decode(source), Format, id, time);
                return cursor;
        }

        if (contentType is null || !ChatGptContent.IsKnown(contentType))
            state.Diagnose(id, at + ".content.content_type", $"unknown content_type '{contentType ?? "(none)"}'; read with the generic text fallback");

        switch (role)
        {
            case "user":
                return ReadUser(message, source, contentType, nodeKey, at, cursor, onActive, state, builder);
            case "assistant":
                return ReadAssistant(message, source, contentType, cursor, state);
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
        ChatGptMessageScan message,
        ReadOnlySpan<byte> source,
        string? contentType,
        string nodeKey,
        string at,
        ThreadCursor cursor,
        bool onActive,
        FileImportState state,
        ConversationBuilder builder)
    {
        if (message.IsUserSystemMessage || message.IsHidden)
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

        var text = TextNormalizer.Normalize(ChatGptContent.PersonText(message, source));
        if (text.Length == 0)
        {
            state.Skip(SkipReason.EmptyMessage);
            return cursor;
        }

        return builder.AddPersonMessage(cursor, nodeKey, text, message.CreateTime, onActive);
    }

    private static ThreadCursor ReadAssistant(ChatGptMessageScan message, ReadOnlySpan<byte> source, string? contentType, ThreadCursor cursor, FileImportState state)
    {
        if (contentType is "thoughts" or "reasoning_recap")
        {
            state.Skip(SkipReason.Reasoning);
            return cursor;
        }

        if (message.Recipient is { } recipient && recipient != "all")
        {
            state.Skip(SkipReason.ToolTraffic);
            return cursor;
        }

        if (message.IsHidden)
            return cursor;

        var text = TextNormalizer.Normalize(ChatGptContent.AnyTextTail(message, source, state.Options.ContextMaxChars));
        return cursor.WithAssistantText(text, state.Options.ContextMaxChars);
    }
}
