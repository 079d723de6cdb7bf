namespace Persona.Core.Clustering;

/// <summary>One cluster: its name and why, size, quality, top terms, category shares and representative messages.</summary>
public sealed record ClusterSummary(
    int Id,
    string Name,
    string Why,
    string? Archetype,
    int Size,
    double Share,
    double Silhouette,
    double WeakShare,
    IReadOnlyList<TermWeight> TopTerms,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>> Categories,
    IReadOnlyList<RepresentativeMessage> Representatives);
