namespace Persona.Core.Clustering;

/// <summary>One line of <c>clusters/persona_&lt;name&gt;.jsonl</c>: a message of the cluster with its categories.</summary>
public sealed record ClusteredMessage(
    string MessageId,
    string ConversationId,
    string? ConversationTitle,
    DateTimeOffset? CreatedAt,
    string Text,
    string? Context,
    string Topic,
    string Tone,
    string Length,
    IReadOnlyList<string> ReasoningMarkers,
    IReadOnlyList<string> QuestionTypes,
    double Margin);
