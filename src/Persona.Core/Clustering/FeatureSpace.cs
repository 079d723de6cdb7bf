namespace Persona.Core.Clustering;

/// <summary>The clustering features: row-major (n × Dimensions), every row L2-normalised, plus what built them.</summary>
internal sealed record FeatureSpace(double[] Points, int Dimensions, TfidfMatrix Tfidf, int LsaDimensions, double LsaExplainedShare, string[] CategoricalNames);
