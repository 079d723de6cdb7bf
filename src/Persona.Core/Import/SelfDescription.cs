namespace Persona.Core.Import;

/// <summary>
/// Text in which the person describes themselves or how they want to be answered (custom
/// instructions, memory). One line of <c>extracted/self_description.jsonl</c>; the same text is kept once.
/// </summary>
/// <param name="Kind">Which field it came from.</param>
/// <param name="Text">The text, with the export's fixed wrapper removed.</param>
/// <param name="SourceFormat">The export format it came from.</param>
/// <param name="ConversationId">The first conversation it was found in.</param>
/// <param name="CreatedAt">When that message was written, when known.</param>
public sealed record SelfDescription(
    SelfDescriptionKind Kind,
    string Text,
    ExportFormat SourceFormat,
    string ConversationId,
    DateTimeOffset? CreatedAt);
