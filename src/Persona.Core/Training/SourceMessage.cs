namespace Persona.Core.Training;

/// <summary>One of the person's messages as the training stage reads it from a cluster file.</summary>
/// <param name="MessageId">Stable message id from the importer.</param>
/// <param name="ConversationId">Conversation it belongs to.</param>
/// <param name="CreatedAt">When written, if known.</param>
/// <param name="Text">The person's text.</param>
/// <param name="Context">The assistant text it answered; null for an opening message.</param>
public sealed record SourceMessage(string MessageId, string ConversationId, DateTimeOffset? CreatedAt, string Text, string? Context);
