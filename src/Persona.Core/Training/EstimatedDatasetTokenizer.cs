using Persona.Core.Library;

namespace Persona.Core.Training;

/// <summary>The tokenizer-free estimate (<see cref="EstimatedTokenCounter"/>); renders nothing.</summary>
public sealed class EstimatedDatasetTokenizer : IDatasetTokenizer
{
    /// <summary>Chat-template tokens per turn assumed by the estimate (role header and end-of-turn marker).</summary>
    public const int TurnOverhead = 4;

    public static EstimatedDatasetTokenizer Instance { get; } = new();

    public string Name => "estimate: " + EstimatedTokenCounter.Instance.Name + ", +4 per turn";

    public bool IsEstimate => true;

    public int CountTokens(string text) => EstimatedTokenCounter.Instance.CountTokens(text);

    public TokenizedConversation? Render(IReadOnlyList<TrainingTurn> turns) => null;
}
