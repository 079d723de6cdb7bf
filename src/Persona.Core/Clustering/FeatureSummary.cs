namespace Persona.Core.Clustering;

/// <summary>The feature space: TF-IDF vocabulary size, LSA dimensions kept, categorical dimensions and their weight.</summary>
public sealed record FeatureSummary(int Vocabulary, int LsaDimensions, double LsaExplainedShare, int CategoricalDimensions, double CategoricalWeight);
