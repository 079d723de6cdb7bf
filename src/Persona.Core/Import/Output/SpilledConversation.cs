namespace Persona.Core.Import.Output;

/// <summary>Where a conversation's rows sit in a <see cref="ConversationSpill"/>, with what de-duplication and change detection need.</summary>
internal sealed record SpilledConversation(
    ExportFormat Format,
    string Id,
    DateTimeOffset? UpdatedAt,
    string ContentHash,
    long Offset,
    int Count);
