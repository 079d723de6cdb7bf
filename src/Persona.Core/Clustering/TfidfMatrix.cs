namespace Persona.Core.Clustering;

/// <summary>TF-IDF rows (L2-normalised) with the vocabulary and the raw term counts per row.</summary>
internal sealed record TfidfMatrix(SparseMatrix Weights, SparseMatrix Counts, string[] Vocabulary, double[] Idf);
