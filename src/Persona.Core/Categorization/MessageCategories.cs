namespace Persona.Core.Categorization;

/// <summary>What the categorizer found in one message.</summary>
public sealed record MessageCategories(
    string MessageId,
    Scored<TopicCategory> Topic,
    Scored<Tone> Tone,
    IReadOnlyList<Scored<ReasoningMarker>> ReasoningMarkers,
    IReadOnlyList<Scored<QuestionType>> QuestionTypes,
    Scored<LengthCategory> Length,
    int WordCount);
