using System.Text.Json;

namespace Persona.Core.Import.ChatGpt;

/// <summary>
/// Reads one ChatGPT conversation in a single forward pass over a <see cref="Utf8JsonReader"/>, keeping only
/// what the import uses (<see cref="ChatGptConversationScan"/>) and skipping every other subtree unread.
/// Values behave as <see cref="JsonElementExtensions"/> reads them: null or a wrong kind reads as absent,
/// and a repeated property's last value wins. Every method returns false when the reader runs out of data
/// before the conversation ends (the caller then supplies more and scans the conversation again).
/// </summary>
internal static partial class ChatGptScanner
{
    /// <summary>Scans the value whose first token the reader is on.</summary>
    public static bool TryScan(ref Utf8JsonReader reader, ChatGptConversationScan scan)
    {
        scan.Reset();
        scan.Kind = KindOf(reader.TokenType);
        if (reader.TokenType != JsonTokenType.StartObject)
            return Skip(ref reader);

        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.EndObject)
                return true;
            var property = reader;
            if (!reader.Read())
                return false;
            bool done;
            if (property.ValueTextEquals("mapping"u8))
            {
                scan.Nodes.Clear();
                scan.HasMapping = reader.TokenType == JsonTokenType.StartObject;
                done = scan.HasMapping ? ReadMapping(ref reader, scan) : Skip(ref reader);
            }
            else if (property.ValueTextEquals("conversation_id"u8))
            {
                done = ReadString(ref reader, scan, out var value);
                scan.ConversationId = value;
            }
            else if (property.ValueTextEquals("id"u8))
            {
                done = ReadString(ref reader, scan, out var value);
                scan.Id = value;
            }
            else if (property.ValueTextEquals("title"u8))
            {
                done = ReadString(ref reader, scan, out var value);
                scan.Title = value;
            }
            else if (property.ValueTextEquals("current_node"u8))
            {
                done = ReadString(ref reader, scan, out var value);
                scan.CurrentNode = value;
            }
            else if (property.ValueTextEquals("update_time"u8))
            {
                done = ReadTime(ref reader, scan, out var value);
                scan.UpdateTime = value;
            }
            else if (property.ValueTextEquals("create_time"u8))
            {
                var start = (int)reader.TokenStartIndex;
                done = ReadTime(ref reader, scan, out var value);
                scan.CreateTime = value;
                scan.CreateTimeRaw = reader.TokenType == JsonTokenType.Null ? null : (start, (int)reader.BytesConsumed - start);
            }
            else
            {
                done = Skip(ref reader);
            }

            if (!done)
                return false;
        }

        return false;
    }

    private static bool ReadMapping(ref Utf8JsonReader reader, ChatGptConversationScan scan)
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

    private static bool ReadNode(ref Utf8JsonReader reader, ChatGptConversationScan scan, ChatGptNodeScan node)
    {
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.EndObject)
                return true;
            var property = reader;
            if (!reader.Read())
                return false;
            bool done;
            if (property.ValueTextEquals("parent"u8))
            {
                done = ReadString(ref reader, scan, out var value);
                node.Parent = value;
            }
            else if (property.ValueTextEquals("message"u8))
            {
                node.Message = null;
                if (reader.TokenType == JsonTokenType.StartObject)
                {
                    node.Message = new ChatGptMessageScan();
                    done = ReadMessage(ref reader, scan, node.Message);
                }
                else
                {
                    done = Skip(ref reader);
                }
            }
            else if (property.ValueTextEquals("children"u8))
            {
                node.Children = null;
                if (reader.TokenType == JsonTokenType.StartArray)
                {
                    node.Children = [];
                    done = ReadStrings(ref reader, scan, node.Children);
                }
                else
                {
                    done = Skip(ref reader);
                }
            }
            else
            {
                done = Skip(ref reader);
            }

            if (!done)
                return false;
        }

        return false;
    }

    private static bool ReadStrings(ref Utf8JsonReader reader, ChatGptConversationScan scan, List<string> values)
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
    private static bool ReadString(ref Utf8JsonReader reader, ChatGptConversationScan scan, out string? value)
    {
        value = reader.TokenType == JsonTokenType.String ? Decode(ref reader, scan) : null;
        return Skip(ref reader);
    }

    /// <summary>A string value (noted, not decoded), or null for any other kind (skipped).</summary>
    private static bool ReadRaw(ref Utf8JsonReader reader, out RawJsonString? value)
    {
        value = reader.TokenType == JsonTokenType.String ? RawJsonString.At(ref reader) : null;
        return Skip(ref reader);
    }

    private static bool ReadTime(ref Utf8JsonReader reader, ChatGptConversationScan scan, out DateTimeOffset? value)
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
    private static string? Decode(ref Utf8JsonReader reader, ChatGptConversationScan scan)
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
    private static bool Skip(ref Utf8JsonReader reader) =>
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
