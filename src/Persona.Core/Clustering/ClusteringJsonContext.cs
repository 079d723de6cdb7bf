using System.Text.Json.Serialization;

namespace Persona.Core.Clustering;

/// <summary>Source-generated JSON for the clustering outputs (snake_case, indented, stable order).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, WriteIndented = true)]
[JsonSerializable(typeof(ClusterAnalysis))]
internal sealed partial class ClusteringJsonContext : JsonSerializerContext;
