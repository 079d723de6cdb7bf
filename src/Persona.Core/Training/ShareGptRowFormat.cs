using System.Text.Json;

namespace Persona.Core.Training;

/// <summary><c>{"id",…,"conversations":[{"from":"system|human|gpt","value"}]}</c>.</summary>
internal sealed class ShareGptRowFormat : ILoraRowFormat
{
    public LoraDataFormat Format => LoraDataFormat.ShareGpt;

    public void Write(Utf8JsonWriter writer, TrainingExample example)
    {
        writer.WriteStartObject();
        RowFields.WriteHeader(writer, example);
        writer.WriteStartArray("conversations");
        foreach (var turn in example.Turns)
        {
            writer.WriteStartObject();
            writer.WriteString("from", turn.Role switch
            {
                TrainingRole.System => "system",
                TrainingRole.User => "human",
                _ => "gpt",
            });
            writer.WriteString("value", turn.Content);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    public TrainingExample? Read(JsonElement row, out string? problem)
    {
        if (!RowFields.TryReadHeader(row, out var id, out var source, out var context, out problem))
            return null;
        var turns = RowFields.ReadTurns(row, "conversations", "from", "value", r => r switch
        {
            "system" => TrainingRole.System,
            "human" or "user" => TrainingRole.User,
            "gpt" or "assistant" => TrainingRole.Assistant,
            _ => null,
        }, readTrain: false, out problem);
        return turns is null ? null : new TrainingExample(id, source, context, turns);
    }
}
