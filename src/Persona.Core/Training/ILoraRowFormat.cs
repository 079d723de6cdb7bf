using System.Text.Json;

namespace Persona.Core.Training;

/// <summary>One JSONL row layout: writes an example as one JSON object and reads it back.</summary>
internal interface ILoraRowFormat
{
    LoraDataFormat Format { get; }

    void Write(Utf8JsonWriter writer, TrainingExample example);

    /// <summary>The example in <paramref name="row"/>, or null with the reason (never throws on content).</summary>
    TrainingExample? Read(JsonElement row, out string? problem);
}
