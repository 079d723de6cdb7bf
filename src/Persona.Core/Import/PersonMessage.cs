namespace Persona.Core.Import;

/// <summary>
/// One message the person wrote, with the context it answered. The row type of
/// <c>extracted/all_messages.parquet</c> and the input of every later stage.
/// </summary>
/// <param name="MessageId">Stable, unique id: <c>{ConversationId}/{message id}</c> with the export's own message (node) id, or the turn index for formats without message ids.</param>
/// <param name="ConversationId">The export's conversation id.</param>
/// <param name="ConversationTitle">Conversation title, when the export has one.</param>
/// <param name="SourceFormat">The export format the message came from.</param>
/// <param name="Position">Zero-based index of this message among the person's messages of the thread.</param>
/// <param name="CreatedAt">When the message was written; null when the export does not say.</param>
/// <param name="Context">The assistant text this message answered (bounded); null for an opening message.</param>
/// <param name="Text">The person's text, normalised (citation markers removed, line endings unified).</param>
/// <param name="CharCount">Length of <paramref name="Text"/> in Unicode scalar values.</param>
/// <param name="WordCount">Whitespace-separated words in <paramref name="Text"/>.</param>
/// <param name="OnActiveBranch">False for messages on an abandoned branch (kept only with <c>--branches all</c>).</param>
public sealed record PersonMessage(
    string MessageId,
    string ConversationId,
    string? ConversationTitle,
    ExportFormat SourceFormat,
    int Position,
    DateTimeOffset? CreatedAt,
    string? Context,
    string Text,
    int CharCount,
    int WordCount,
    bool OnActiveBranch);
