namespace Persona.Core.Memories;

/// <summary>The stored memory of one conversation.</summary>
/// <param name="ConversationId">The export's conversation id.</param>
/// <param name="Title">Conversation title, when known.</param>
/// <param name="Summary">What the conversation reveals about the person.</param>
/// <param name="KeySentences">Supporting sentences, the person's own words.</param>
/// <param name="Topics">Salient topic terms.</param>
/// <param name="ConversationUpdatedAt">The conversation's latest message time when the memory was made.</param>
/// <param name="MessageCount">How many of the person's messages the memory covers.</param>
/// <param name="GeneratedAt">When the memory was made.</param>
/// <param name="Summarizer">Which summarizer made it.</param>
public sealed record ConversationMemory(
    string ConversationId,
    string? Title,
    string Summary,
    IReadOnlyList<string> KeySentences,
    IReadOnlyList<string> Topics,
    DateTimeOffset? ConversationUpdatedAt,
    int MessageCount,
    DateTimeOffset GeneratedAt,
    string Summarizer)
{
    /// <summary>
    /// True when this memory no longer covers <paramref name="conversation"/>: the conversation has a
    /// newer message, or (without timestamps) a different number of messages.
    /// </summary>
    public bool IsOlderThan(ConversationTranscript conversation)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        var updated = conversation.UpdatedAt;
        if (updated is not null && (ConversationUpdatedAt is null || ConversationUpdatedAt < updated))
            return true;
        return MessageCount != conversation.Messages.Count;
    }
}
