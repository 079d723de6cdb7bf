using System.Text.Json.Serialization;

namespace Persona.Core.Clustering;

/// <summary>Source-generated JSON for one-line records (JSONL), snake_case.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, WriteIndented = false)]
[JsonSerializable(typeof(ClusteredMessage))]
internal sealed partial class ClusteringJsonLineContext : JsonSerializerContext;
