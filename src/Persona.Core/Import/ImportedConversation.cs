namespace Persona.Core.Import;

/// <summary>One conversation as read from an export: its person messages in thread order.</summary>
/// <param name="Format">The export format.</param>
/// <param name="Id">The conversation id.</param>
/// <param name="UpdatedAt">The export's last-update time, used to pick the newer of two copies.</param>
/// <param name="Messages">The person messages, in thread order.</param>
public sealed record ImportedConversation(
    ExportFormat Format,
    string Id,
    DateTimeOffset? UpdatedAt,
    IReadOnlyList<PersonMessage> Messages)
{
    /// <summary>Hash of everything the import keeps for this conversation; equal hashes mean "unchanged".</summary>
    public string ContentHash { get; } = ConversationHash.Compute(Messages);
}
