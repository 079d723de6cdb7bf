using System.Text.Json;
using Persona.Core.Import.Reading;

namespace Persona.Core.Import.ChatGpt;

/// <summary>The <c>message</c> object of a mapping node: author, content, the few metadata flags used, recipient.</summary>
internal static partial class ChatGptScanner
{
    private static bool ReadMessage<TReader>(ref TReader reader, ChatGptConversationScan scan, ChatGptMessageScan message)
        where TReader : IJsonTokenReader, allows ref struct
    {
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.EndObject)
                return true;
            var field = reader.ValueTextEquals("content"u8) ? Field.Content
                : reader.ValueTextEquals("author"u8) ? Field.Author
                : reader.ValueTextEquals("metadata"u8) ? Field.Metadata
                : reader.ValueTextEquals("create_time"u8) ? Field.CreateTime
                : reader.ValueTextEquals("recipient"u8) ? Field.Recipient
                : Field.Other;
            if (!reader.Read())
                return false;
            bool done;
            switch (field)
            {
                case Field.Content:
                    message.ResetContent();
                    message.HasContent = reader.TokenType == JsonTokenType.StartObject;
                    done = message.HasContent ? ReadContent(ref reader, scan, message) : Skip(ref reader);
                    break;
                case Field.Author:
                    message.Role = null;
                    done = reader.TokenType == JsonTokenType.StartObject ? ReadAuthor(ref reader, scan, message) : Skip(ref reader);
                    break;
                case Field.Metadata:
                    message.ResetMetadata();
                    done = reader.TokenType == JsonTokenType.StartObject ? ReadMetadata(ref reader, message) : Skip(ref reader);
                    break;
                case Field.CreateTime:
                    done = ReadTime(ref reader, scan, out var createTime);
                    message.CreateTime = createTime;
                    break;
                case Field.Recipient:
                    done = ReadString(ref reader, scan, out var recipient);
                    message.Recipient = recipient;
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

    private static bool ReadAuthor<TReader>(ref TReader reader, ChatGptConversationScan scan, ChatGptMessageScan message)
        where TReader : IJsonTokenReader, allows ref struct
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

    private static Field ContentField<TReader>(ref TReader reader)
        where TReader : IJsonTokenReader, allows ref struct
    {
        if (reader.ValueTextEquals("content_type"u8))
            return Field.ContentType;
        if (reader.ValueTextEquals("parts"u8))
            return Field.Parts;
        if (reader.ValueTextEquals("text"u8))
            return Field.Text;
        if (reader.ValueTextEquals("result"u8))
            return Field.Result;
        if (reader.ValueTextEquals("output_str"u8))
            return Field.OutputStr;
        if (reader.ValueTextEquals("content"u8))
            return Field.ContentText;
        if (reader.ValueTextEquals("thoughts"u8))
            return Field.Thoughts;
        if (reader.ValueTextEquals("user_profile"u8))
            return Field.UserProfile;
        if (reader.ValueTextEquals("user_instructions"u8))
            return Field.UserInstructions;
        return reader.ValueTextEquals("model_set_context"u8) ? Field.ModelSetContext : Field.Other;
    }

    private static bool ReadContent<TReader>(ref TReader reader, ChatGptConversationScan scan, ChatGptMessageScan message)
        where TReader : IJsonTokenReader, allows ref struct
    {
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.EndObject)
                return true;
            var field = ContentField(ref reader);
            if (!reader.Read())
                return false;
            bool done;
            RawJsonString? raw;
            switch (field)
            {
                case Field.ContentType:
                    done = ReadString(ref reader, scan, out var contentType);
                    message.ContentType = contentType;
                    break;
                case Field.Parts:
                    message.Parts = reader.TokenType == JsonTokenType.StartArray ? [] : null;
                    done = message.Parts is null ? Skip(ref reader) : ReadParts(ref reader, message.Parts, thoughts: false);
                    break;
                case Field.Text:
                    done = ReadRaw(ref reader, out raw);
                    message.TextFields[0] = raw;
                    break;
                case Field.Result:
                    done = ReadRaw(ref reader, out raw);
                    message.TextFields[1] = raw;
                    break;
                case Field.OutputStr:
                    done = ReadRaw(ref reader, out raw);
                    message.TextFields[2] = raw;
                    break;
                case Field.ContentText:
                    done = ReadRaw(ref reader, out raw);
                    message.TextFields[3] = raw;
                    break;
                case Field.Thoughts:
                    message.Thoughts = reader.TokenType == JsonTokenType.StartArray ? [] : null;
                    done = message.Thoughts is null ? Skip(ref reader) : ReadParts(ref reader, message.Thoughts, thoughts: true);
                    break;
                case Field.UserProfile:
                    done = ReadRaw(ref reader, out raw);
                    message.UserProfile = raw;
                    break;
                case Field.UserInstructions:
                    done = ReadRaw(ref reader, out raw);
                    message.UserInstructions = raw;
                    break;
                case Field.ModelSetContext:
                    done = ReadRaw(ref reader, out raw);
                    message.ModelSetContext = raw;
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

    /// <summary>
    /// A <c>parts</c> array (strings; objects with <c>text</c> and <c>direction</c>) or a <c>thoughts</c> array
    /// (objects with <c>content</c> and <c>summary</c>).
    /// </summary>
    private static bool ReadParts<TReader>(ref TReader reader, List<ChatGptPart> parts, bool thoughts)
        where TReader : IJsonTokenReader, allows ref struct
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

    private static bool ReadPartObject<TReader>(ref TReader reader, bool thought, out ChatGptPart part)
        where TReader : IJsonTokenReader, allows ref struct
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

            var field = reader.ValueTextEquals(thought ? "content"u8 : "text"u8) ? Field.Text
                : thought && reader.ValueTextEquals("summary"u8) ? Field.Summary
                : !thought && reader.ValueTextEquals("direction"u8) ? Field.Direction
                : Field.Other;
            if (!reader.Read())
                return false;
            switch (field)
            {
                case Field.Text:
                    text = reader.TokenType == JsonTokenType.String ? RawJsonString.At(ref reader) : null;
                    break;
                case Field.Summary:
                    summary = reader.TokenType == JsonTokenType.String ? RawJsonString.At(ref reader) : null;
                    break;
                case Field.Direction:
                    directionOut = reader.TokenType == JsonTokenType.String && reader.ValueTextEquals("out"u8);
                    break;
            }

            if (!Skip(ref reader))
                return false;
        }

        return false;
    }

    private static bool ReadMetadata<TReader>(ref TReader reader, ChatGptMessageScan message)
        where TReader : IJsonTokenReader, allows ref struct
    {
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.EndObject)
                return true;
            var field = reader.ValueTextEquals("user_context_message_data"u8) ? Field.UserContext
                : reader.ValueTextEquals("is_user_system_message"u8) ? Field.IsUserSystemMessage
                : reader.ValueTextEquals("is_visually_hidden_from_conversation"u8) ? Field.IsHidden
                : Field.Other;
            if (!reader.Read())
                return false;
            bool done;
            switch (field)
            {
                case Field.UserContext:
                    message.ResetUserContext();
                    message.HasUserContext = reader.TokenType == JsonTokenType.StartObject;
                    done = message.HasUserContext ? ReadUserContext(ref reader, message) : Skip(ref reader);
                    break;
                case Field.IsUserSystemMessage:
                    message.IsUserSystemMessage = reader.TokenType == JsonTokenType.True;
                    done = Skip(ref reader);
                    break;
                case Field.IsHidden:
                    message.IsHidden = reader.TokenType == JsonTokenType.True;
                    done = Skip(ref reader);
                    break;
                default:
                    // Citations, search results, attachments, model details: never materialised.
                    done = Skip(ref reader);
                    break;
            }

            if (!done)
                return false;
        }

        return false;
    }

    private static bool ReadUserContext<TReader>(ref TReader reader, ChatGptMessageScan message)
        where TReader : IJsonTokenReader, allows ref struct
    {
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.EndObject)
                return true;
            var field = reader.ValueTextEquals("about_user_message"u8) ? Field.AboutUser
                : reader.ValueTextEquals("about_model_message"u8) ? Field.AboutModel
                : Field.Other;
            if (!reader.Read())
                return false;
            RawJsonString? raw;
            bool done;
            switch (field)
            {
                case Field.AboutUser:
                    done = ReadRaw(ref reader, out raw);
                    message.AboutUser = raw;
                    break;
                case Field.AboutModel:
                    done = ReadRaw(ref reader, out raw);
                    message.AboutModel = raw;
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
}
