using Persona.Core.Import;

namespace Persona.Core.Memories;

/// <summary>The person's messages of one conversation, in order.</summary>
/// <param name="ConversationId">The export's conversation id.</param>
/// <param name="Title">Conversation title, when known.</param>
/// <param name="Messages">The person's messages, ordered by position.</param>
public sealed record ConversationTranscript(string ConversationId, string? Title, IReadOnlyList<PersonMessage> Messages)
{
    /// <summary>The latest message time: the conversation's <c>updated_at</c>; null when no message has a time.</summary>
    public DateTimeOffset? UpdatedAt => Messages.Max(m => m.CreatedAt);

    /// <summary>True when no message holds any text.</summary>
    public bool IsEmpty => Messages.All(m => string.IsNullOrWhiteSpace(m.Text));

    /// <summary>Groups message rows into conversations (first-seen order), each ordered by position.</summary>
    public static IReadOnlyList<ConversationTranscript> Group(IEnumerable<PersonMessage> messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        return messages
            .GroupBy(m => m.ConversationId, StringComparer.Ordinal)
            .Select(g => new ConversationTranscript(g.Key, g.Select(m => m.ConversationTitle).FirstOrDefault(t => !string.IsNullOrWhiteSpace(t)), g.OrderBy(m => m.Position).ToList()))
            .ToList();
    }
}
