using System.Text.Json;

namespace Persona.Core.Import.ChatGpt;

/// <summary>The <c>message</c> object of a mapping node: author, content, the few metadata flags used, recipient.</summary>
internal static partial class ChatGptScanner
{
    private static bool ReadMessage(ref Utf8JsonReader reader, ChatGptConversationScan scan, ChatGptMessageScan message)
    {
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.EndObject)
                return true;
            var property = reader;
            if (!reader.Read())
                return false;
            bool done;
            if (property.ValueTextEquals("content"u8))
            {
                message.ResetContent();
                message.HasContent = reader.TokenType == JsonTokenType.StartObject;
                done = message.HasContent ? ReadContent(ref reader, scan, message) : Skip(ref reader);
            }
            else if (property.ValueTextEquals("author"u8))
            {
                message.Role = null;
                done = reader.TokenType == JsonTokenType.StartObject ? ReadAuthor(ref reader, scan, message) : Skip(ref reader);
            }
            else if (property.ValueTextEquals("metadata"u8))
            {
                message.ResetMetadata();
                done = reader.TokenType == JsonTokenType.StartObject ? ReadMetadata(ref reader, message) : Skip(ref reader);
            }
            else if (property.ValueTextEquals("create_time"u8))
            {
                done = ReadTime(ref reader, scan, out var value);
                message.CreateTime = value;
            }
            else if (property.ValueTextEquals("recipient"u8))
            {
                done = ReadString(ref reader, scan, out var value);
                message.Recipient = value;
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

    private static bool ReadAuthor(ref Utf8JsonReader reader, ChatGptConversationScan scan, ChatGptMessageScan message)
    {
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.EndObject)
                return true;
            var isRole = reader.ValueTextEquals("role"u8);
            if (!reader.Read())
                return false;
            if (isRole)
            {
                message.Role = reader.TokenType == JsonTokenType.String ? Decode(ref reader, scan) : null;
            }

            if (!Skip(ref reader))
                return false;
        }

        return false;
    }

    private static bool ReadContent(ref Utf8JsonReader reader, ChatGptConversationScan scan, ChatGptMessageScan message)
    {
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.EndObject)
                return true;
            var property = reader;
            if (!reader.Read())
                return false;
            bool done;
            RawJsonString? raw;
            if (property.ValueTextEquals("content_type"u8))
            {
                done = ReadString(ref reader, scan, out var value);
                message.ContentType = value;
            }
            else if (property.ValueTextEquals("parts"u8))
            {
                message.Parts = reader.TokenType == JsonTokenType.StartArray ? [] : null;
                done = message.Parts is null ? Skip(ref reader) : ReadParts(ref reader, message.Parts, thoughts: false);
            }
            else if (property.ValueTextEquals("text"u8))
            {
                done = ReadRaw(ref reader, out raw);
                message.TextFields[0] = raw;
            }
            else if (property.ValueTextEquals("result"u8))
            {
                done = ReadRaw(ref reader, out raw);
                message.TextFields[1] = raw;
            }
            else if (property.ValueTextEquals("output_str"u8))
            {
                done = ReadRaw(ref reader, out raw);
                message.TextFields[2] = raw;
            }
            else if (property.ValueTextEquals("content"u8))
            {
                done = ReadRaw(ref reader, out raw);
                message.TextFields[3] = raw;
            }
            else if (property.ValueTextEquals("thoughts"u8))
            {
                message.Thoughts = reader.TokenType == JsonTokenType.StartArray ? [] : null;
                done = message.Thoughts is null ? Skip(ref reader) : ReadParts(ref reader, message.Thoughts, thoughts: true);
            }
            else if (property.ValueTextEquals("user_profile"u8))
            {
                done = ReadRaw(ref reader, out raw);
                message.UserProfile = raw;
            }
            else if (property.ValueTextEquals("user_instructions"u8))
            {
                done = ReadRaw(ref reader, out raw);
                message.UserInstructions = raw;
            }
            else if (property.ValueTextEquals("model_set_context"u8))
            {
                done = ReadRaw(ref reader, out raw);
                message.ModelSetContext = raw;
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

    /// <summary>
    /// A <c>parts</c> array (strings; objects with <c>text</c> and <c>direction</c>) or a <c>thoughts</c> array
    /// (objects with <c>content</c> and <c>summary</c>).
    /// </summary>
    private static bool ReadParts(ref Utf8JsonReader reader, List<ChatGptPart> parts, bool thoughts)
    {
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.EndArray:
                    return true;
                case JsonTokenType.String:
                    parts.Add(new ChatGptPart(JsonValueKind.String, RawJsonString.At(ref reader), null, false));
                    continue;
                case JsonTokenType.StartObject:
                    if (!ReadPartObject(ref reader, thoughts, out var part))
                        return false;
                    parts.Add(part);
                    continue;
                default:
                    parts.Add(new ChatGptPart(KindOf(reader.TokenType), null, null, false));
                    if (!Skip(ref reader))
                        return false;
                    continue;
            }
        }

        return false;
    }

    private static bool ReadPartObject(ref Utf8JsonReader reader, bool thought, out ChatGptPart part)
    {
        RawJsonString? text = null;
        RawJsonString? summary = null;
        var directionOut = false;
        part = default;
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.EndObject)
            {
                part = new ChatGptPart(JsonValueKind.Object, text, summary, directionOut);
                return true;
            }

            var property = reader;
            if (!reader.Read())
                return false;
            if (property.ValueTextEquals(thought ? "content"u8 : "text"u8))
                text = reader.TokenType == JsonTokenType.String ? RawJsonString.At(ref reader) : null;
            else if (thought && property.ValueTextEquals("summary"u8))
                summary = reader.TokenType == JsonTokenType.String ? RawJsonString.At(ref reader) : null;
            else if (!thought && property.ValueTextEquals("direction"u8))
                directionOut = reader.TokenType == JsonTokenType.String && reader.ValueTextEquals("out"u8);
            if (!Skip(ref reader))
                return false;
        }

        return false;
    }

    private static bool ReadMetadata(ref Utf8JsonReader reader, ChatGptMessageScan message)
    {
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.EndObject)
                return true;
            var property = reader;
            if (!reader.Read())
                return false;
            bool done;
            if (property.ValueTextEquals("user_context_message_data"u8))
            {
                message.ResetUserContext();
                message.HasUserContext = reader.TokenType == JsonTokenType.StartObject;
                done = message.HasUserContext ? ReadUserContext(ref reader, message) : Skip(ref reader);
            }
            else if (property.ValueTextEquals("is_user_system_message"u8))
            {
                message.IsUserSystemMessage = reader.TokenType == JsonTokenType.True;
                done = Skip(ref reader);
            }
            else if (property.ValueTextEquals("is_visually_hidden_from_conversation"u8))
            {
                message.IsHidden = reader.TokenType == JsonTokenType.True;
                done = Skip(ref reader);
            }
            else
            {
                // Citations, search results, attachments, model details: never materialised.
                done = Skip(ref reader);
            }

            if (!done)
                return false;
        }

        return false;
    }

    private static bool ReadUserContext(ref Utf8JsonReader reader, ChatGptMessageScan message)
    {
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.EndObject)
                return true;
            var property = reader;
            if (!reader.Read())
                return false;
            RawJsonString? raw;
            bool done;
            if (property.ValueTextEquals("about_user_message"u8))
            {
                done = ReadRaw(ref reader, out raw);
                message.AboutUser = raw;
            }
            else if (property.ValueTextEquals("about_model_message"u8))
            {
                done = ReadRaw(ref reader, out raw);
                message.AboutModel = raw;
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
}
