namespace Persona.Core.Import;

/// <summary>What the inputs of an import hold, before merging with an earlier import.</summary>
/// <param name="Files">One report per input file.</param>
/// <param name="Conversations">Conversations with at least one person message, de-duplicated (the newer copy wins).</param>
/// <param name="SelfDescriptions">Self-description texts, each once per kind.</param>
/// <param name="DuplicateConversations">Copies of a conversation dropped because a newer or equal copy was read.</param>
public sealed record ImportReadResult(
    IReadOnlyList<ImportFileReport> Files,
    IReadOnlyList<ImportedConversation> Conversations,
    IReadOnlyList<SelfDescription> SelfDescriptions,
    int DuplicateConversations)
{
    /// <summary>The person messages of all conversations, in conversation then thread order.</summary>
    public IEnumerable<PersonMessage> Messages => Conversations.SelectMany(c => c.Messages);
}
