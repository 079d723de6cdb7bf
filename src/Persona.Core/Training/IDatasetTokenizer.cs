namespace Persona.Core.Training;

/// <summary>
/// Counts (and, for a real tokenizer, renders) training examples. Two implementations: the labelled
/// estimate used when no tokenizer is given, and a model's tokenizer with its chat template.
/// </summary>
public interface IDatasetTokenizer
{
    /// <summary>What counted: the tokenizer file and template, or a description of the estimate.</summary>
    string Name { get; }

    /// <summary>True when counts are estimates, not a real tokenizer's.</summary>
    bool IsEstimate { get; }

    int CountTokens(string text);

    /// <summary>The conversation as the model sees it (ids and assistant mask), or null for an estimate.</summary>
    TokenizedConversation? Render(IReadOnlyList<TrainingTurn> turns);
}
