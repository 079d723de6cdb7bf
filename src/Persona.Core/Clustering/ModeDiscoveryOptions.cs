using Persona.Core.Categorization;

namespace Persona.Core.Clustering;

/// <summary>What <see cref="ModeDiscovery"/> reads and how it runs. Null config paths mean config/… in the working directory, else the built-in defaults.</summary>
public sealed record ModeDiscoveryOptions
{
    public string? CategorizationConfigPath { get; init; }

    public string? ClusteringConfigPath { get; init; }

    public ClusteringOptions Clustering { get; init; } = new();

    /// <summary>Reuse earlier outputs whose recorded input hashes match instead of recomputing them.</summary>
    public bool Refresh { get; init; }

    /// <summary>The categorizer; null uses the offline <see cref="LexiconCategorizer"/>.</summary>
    public IMessageCategorizer? Categorizer { get; init; }
}
