using System.Text.Json;
using Persona.Core.Import.Reading;

namespace Persona.Core.Import.ChatGpt;

/// <summary>
/// Reads one ChatGPT conversation in a single forward pass over a JSON token reader, keeping only what the import
/// uses (<see cref="ChatGptConversationScan"/>) and skipping every other subtree unread. Values behave as
/// <see cref="JsonElementExtensions"/> reads them: null or a wrong kind reads as absent, and a repeated property's
/// last value wins. Every method returns false when the reader stops before the conversation ends (the data ran
/// out, or the reader does not take what follows); the caller then scans the conversation again. Property names are
/// matched before the reader moves on to the value, so the reader is never copied.
/// </summary>
internal static partial class ChatGptScanner
{
    /// <summary>The properties the scan reads, in any of the objects it reads.</summary>
    private enum Field
    {
        Other,
        Mapping,
        ConversationId,
        Id,
        Title,
        CurrentNode,
        UpdateTime,
        CreateTime,
        Parent,
        Message,
        Children,
        Content,
        Author,
        Metadata,
        Recipient,
        ContentType,
        Parts,
        Text,
        Result,
        OutputStr,
        ContentText,
        Thoughts,
        UserProfile,
        UserInstructions,
        ModelSetContext,
        UserContext,
        IsUserSystemMessage,
        IsHidden,
        AboutUser,
        AboutModel,
        Summary,
        Direction,
    }

    /// <summary>Scans the value whose first token the reader is on.</summary>
    public static bool TryScan<TReader>(ref TReader reader, ChatGptConversationScan scan)
        where TReader : IJsonTokenReader, allows ref struct
    {
        scan.Reset();
        scan.Kind = KindOf(reader.TokenType);
        if (reader.TokenType != JsonTokenType.StartObject)
            return Skip(ref reader);

        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.EndObject)
                return true;
            var field = ConversationField(ref reader);
            if (!reader.Read())
                return false;
            bool done;
            switch (field)
            {
                case Field.Mapping:
                    scan.Nodes.Clear();
                    scan.HasMapping = reader.TokenType == JsonTokenType.StartObject;
                    done = scan.HasMapping ? ReadMapping(ref reader, scan) : Skip(ref reader);
                    break;
                case Field.ConversationId:
                    done = ReadString(ref reader, scan, out var conversationId);
                    scan.ConversationId = conversationId;
                    break;
                case Field.Id:
                    done = ReadString(ref reader, scan, out var id);
                    scan.Id = id;
                    break;
                case Field.Title:
                    done = ReadString(ref reader, scan, out var title);
                    scan.Title = title;
                    break;
                case Field.CurrentNode:
                    done = ReadString(ref reader, scan, out var currentNode);
                    scan.CurrentNode = currentNode;
                    break;
                case Field.UpdateTime:
                    done = ReadTime(ref reader, scan, out var updateTime);
                    scan.UpdateTime = updateTime;
                    break;
                case Field.CreateTime:
                    var start = (int)reader.TokenStartIndex;
                    done = ReadTime(ref reader, scan, out var createTime);
                    scan.CreateTime = createTime;
                    scan.CreateTimeRaw = reader.TokenType == JsonTokenType.Null ? null : (start, (int)reader.BytesConsumed - start);
                    break;
                default:
                    done = Skip(ref reader);
                    break;
            }

            if (!done)
                return false;
        }

        return false;
    }

    private static Field ConversationField<TReader>(ref TReader reader)
        where TReader : IJsonTokenReader, allows ref struct
    {
        if (reader.ValueTextEquals("mapping"u8))
            return Field.Mapping;
        if (reader.ValueTextEquals("conversation_id"u8))
            return Field.ConversationId;
        if (reader.ValueTextEquals("id"u8))
            return Field.Id;
        if (reader.ValueTextEquals("title"u8))
            return Field.Title;
        if (reader.ValueTextEquals("current_node"u8))
            return Field.CurrentNode;
        if (reader.ValueTextEquals("update_time"u8))
            return Field.UpdateTime;
        return reader.ValueTextEquals("create_time"u8) ? Field.CreateTime : Field.Other;
    }

    private static bool ReadMapping<TReader>(ref TReader reader, ChatGptConversationScan scan)
        where TReader : IJsonTokenReader, allows ref struct
    {
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.EndObject)
                return true;
            var key = Decode(ref reader, scan) ?? string.Empty;
            if (!reader.Read())
                return false;
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                scan.Nodes.Add(new ChatGptNodeScan(key, isObject: false));
                if (!Skip(ref reader))
                    return false;
                continue;
            }

            var node = new ChatGptNodeScan(key, isObject: true);
            scan.Nodes.Add(node);
            if (!ReadNode(ref reader, scan, node))
                return false;
        }

        return false;
    }

    private static bool ReadNode<TReader>(ref TReader reader, ChatGptConversationScan scan, ChatGptNodeScan node)
        where TReader : IJsonTokenReader, allows ref struct
    {
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.EndObject)
                return true;
            var field = reader.ValueTextEquals("parent"u8) ? Field.Parent
                : reader.ValueTextEquals("message"u8) ? Field.Message
                : reader.ValueTextEquals("children"u8) ? Field.Children
                : Field.Other;
            if (!reader.Read())
                return false;
            bool done;
            switch (field)
            {
                case Field.Parent:
                    done = ReadString(ref reader, scan, out var parent);
                    node.Parent = parent;
                    break;
                case Field.Message when reader.TokenType == JsonTokenType.StartObject:
                    node.Message = new ChatGptMessageScan();
                    done = ReadMessage(ref reader, scan, node.Message);
                    break;
                case Field.Message:
                    node.Message = null;
                    done = Skip(ref reader);
                    break;
                case Field.Children when reader.TokenType == JsonTokenType.StartArray:
                    node.Children = [];
                    done = ReadStrings(ref reader, scan, node.Children);
                    break;
                case Field.Children:
                    node.Children = null;
                    done = Skip(ref reader);
                    break;
                default:
                    done = Skip(ref reader);
                    break;
            }

            if (!done)
                return false;
        }

        return false;
    }

    private static bool ReadStrings<TReader>(ref TReader reader, ChatGptConversationScan scan, List<string> values)
        where TReader : IJsonTokenReader, allows ref struct
    {
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.EndArray)
                return true;
            if (reader.TokenType == JsonTokenType.String)
                values.Add(Decode(ref reader, scan) ?? string.Empty);
            else if (!Skip(ref reader))
                return false;
        }

        return false;
    }

    /// <summary>A string value (decoded), or null for any other kind (skipped).</summary>
    private static bool ReadString<TReader>(ref TReader reader, ChatGptConversationScan scan, out string? value)
        where TReader : IJsonTokenReader, allows ref struct
    {
        value = reader.TokenType == JsonTokenType.String ? Decode(ref reader, scan) : null;
        return Skip(ref reader);
    }

    /// <summary>A string value (noted, not decoded), or null for any other kind (skipped).</summary>
    private static bool ReadRaw<TReader>(ref TReader reader, out RawJsonString? value)
        where TReader : IJsonTokenReader, allows ref struct
    {
        value = reader.TokenType == JsonTokenType.String ? RawJsonString.At(ref reader) : null;
        return Skip(ref reader);
    }

    private static bool ReadTime<TReader>(ref TReader reader, ChatGptConversationScan scan, out DateTimeOffset? value)
        where TReader : IJsonTokenReader, allows ref struct
    {
        value = reader.TokenType switch
        {
            JsonTokenType.Number when reader.TryGetDouble(out var seconds) => ExportTime.FromSeconds(seconds),
            JsonTokenType.String => ExportTime.FromText(Decode(ref reader, scan)),
            _ => null,
        };
        return Skip(ref reader);
    }

    /// <summary>The current string or property name; invalid UTF-8 marks the conversation broken.</summary>
    private static string? Decode<TReader>(ref TReader reader, ChatGptConversationScan scan)
        where TReader : IJsonTokenReader, allows ref struct
    {
        try
        {
            return reader.GetString();
        }
        catch (InvalidOperationException ex)
        {
            scan.Broken ??= ex.Message;
            return null;
        }
    }

    /// <summary>Moves past the current value; false when its end is not in the data yet.</summary>
    private static bool Skip<TReader>(ref TReader reader)
        where TReader : IJsonTokenReader, allows ref struct =>
        reader.TokenType is not (JsonTokenType.StartObject or JsonTokenType.StartArray) || reader.TrySkip();

    private static JsonValueKind KindOf(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => JsonValueKind.Object,
        JsonTokenType.StartArray => JsonValueKind.Array,
        JsonTokenType.String => JsonValueKind.String,
        JsonTokenType.Number => JsonValueKind.Number,
        JsonTokenType.True => JsonValueKind.True,
        JsonTokenType.False => JsonValueKind.False,
        JsonTokenType.Null => JsonValueKind.Null,
        _ => JsonValueKind.Undefined,
    };
}
