using System.Text.Json.Serialization;

namespace Persona.Tensors.Training;

[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(TrainingCheckpoint))]
[JsonSerializable(typeof(LoraTrainingReport))]
[JsonSerializable(typeof(PeftAdapterConfig))]
internal sealed partial class TrainingJsonContext : JsonSerializerContext;
