namespace Persona.Core.Prompts;

/// <summary>
/// Whether the personas' style profiles tell them apart: held-out messages attributed to the persona whose
/// profile explains them best (accuracy vs chance), and the pairwise similarity of the profiles.
/// </summary>
/// <param name="Personas">Persona names, the order of every matrix.</param>
/// <param name="Similarity">Cosine similarity of TF-IDF-weighted word and style-token profiles (1 = identical).</param>
/// <param name="Confusion">Rows: true persona of a held-out message; columns: attributed persona.</param>
/// <param name="HeldOut">Held-out messages attributed.</param>
/// <param name="Accuracy">Share attributed to their own persona.</param>
/// <param name="Chance">Accuracy of guessing uniformly: 1 / number of personas.</param>
/// <param name="MajorityBaseline">Accuracy of always guessing the largest persona.</param>
/// <param name="SimilarityThreshold">Similarity at or above which a pair is flagged.</param>
/// <param name="Warnings">Pairs that are too similar, and an accuracy not above chance.</param>
public sealed partial record DistinctnessReport(
    IReadOnlyList<string> Personas,
    IReadOnlyList<IReadOnlyList<double>> Similarity,
    IReadOnlyList<IReadOnlyList<int>> Confusion,
    int HeldOut,
    double Accuracy,
    double Chance,
    double MajorityBaseline,
    double SimilarityThreshold,
    IReadOnlyList<string> Warnings)
{
    /// <summary>True when held-out attribution beats uniform guessing.</summary>
    public bool BetterThanChance => HeldOut > 0 && Accuracy > Chance;
}
