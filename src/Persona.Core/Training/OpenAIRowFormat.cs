using System.Text.Json;

namespace Persona.Core.Training;

/// <summary><c>{"id",…,"messages":[{"role":"system|user|assistant","content"}]}</c>.</summary>
internal sealed class OpenAIRowFormat : ILoraRowFormat
{
    public LoraDataFormat Format => LoraDataFormat.OpenAI;

    public void Write(Utf8JsonWriter writer, TrainingExample example)
    {
        writer.WriteStartObject();
        RowFields.WriteHeader(writer, example);
        writer.WriteStartArray("messages");
        foreach (var turn in example.Turns)
        {
            writer.WriteStartObject();
            writer.WriteString("role", TrainingNames.Of(turn.Role));
            writer.WriteString("content", turn.Content);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    public TrainingExample? Read(JsonElement row, out string? problem)
    {
        if (!RowFields.TryReadHeader(row, out var id, out var source, out var context, out problem))
            return null;
        var turns = RowFields.ReadTurns(row, "messages", "role", "content",
            r => TrainingNames.TryParse<TrainingRole>(r, out var role) ? role : null, readTrain: false, out problem);
        return turns is null ? null : new TrainingExample(id, source, context, turns);
    }
}
