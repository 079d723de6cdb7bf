namespace Persona.Core.Import;

/// <summary>Collects the person messages of one conversation as its thread is walked.</summary>
internal sealed class ConversationBuilder(ExportFormat format, string conversationId, string? title, DateTimeOffset? updatedAt)
{
    private readonly List<PersonMessage> _messages = [];

    public string ConversationId { get; } = conversationId;

    /// <summary>
    /// Adds a person message and returns the cursor for what follows it. <paramref name="messageId"/> is the
    /// export's id of the message within the conversation; the row's id is prefixed with the conversation id,
    /// because exports reuse message ids across conversations (copied or continued chats).
    /// </summary>
    public ThreadCursor AddPersonMessage(ThreadCursor cursor, string messageId, string text, DateTimeOffset? createdAt, bool onActiveBranch)
    {
        var time = createdAt ?? cursor.LastTime;
        _messages.Add(new PersonMessage(
            ConversationId + "/" + messageId,
            ConversationId,
            title,
            format,
            cursor.Position,
            time,
            cursor.Context,
            text,
            TextNormalizer.CountScalars(text),
            TextNormalizer.CountWords(text),
            onActiveBranch));
        return new ThreadCursor(null, cursor.Position + 1, time);
    }

    public ImportedConversation Build() => new(format, ConversationId, updatedAt, _messages);
}
