using System.Text.Json;

namespace Persona.Core.Training;

/// <summary>
/// The project trainer's rows: <c>{"id",…,"messages":[{"role","content","train"}]}</c>, and when a tokenizer
/// rendered the example also <c>"input_ids":[…]</c> and <c>"assistant_mask":[0|1,…]</c> of equal length.
/// </summary>
internal sealed class TrainerRowFormat : ILoraRowFormat
{
    public LoraDataFormat Format => LoraDataFormat.Trainer;

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
            writer.WriteBoolean("train", turn.Train);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        if (example.Tokens is { } tokens)
        {
            writer.WriteStartArray("input_ids");
            foreach (var id in tokens.Ids)
                writer.WriteNumberValue(id);
            writer.WriteEndArray();
            writer.WriteStartArray("assistant_mask");
            foreach (var m in tokens.AssistantMask)
                writer.WriteNumberValue(m ? 1 : 0);
            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }

    public TrainingExample? Read(JsonElement row, out string? problem)
    {
        if (!RowFields.TryReadHeader(row, out var id, out var source, out var context, out problem))
            return null;
        var turns = RowFields.ReadTurns(row, "messages", "role", "content",
            r => TrainingNames.TryParse<TrainingRole>(r, out var role) ? role : null, readTrain: true, out problem);
        if (turns is null)
            return null;
        var hasIds = row.TryGetProperty("input_ids", out var ids);
        var hasMask = row.TryGetProperty("assistant_mask", out var mask);
        if (!hasIds && !hasMask)
            return new TrainingExample(id, source, context, turns);
        if (!hasIds || !hasMask || ids.ValueKind != JsonValueKind.Array || mask.ValueKind != JsonValueKind.Array || ids.GetArrayLength() != mask.GetArrayLength())
        {
            problem = "'input_ids' and 'assistant_mask' must both be arrays of the same length";
            return null;
        }

        var idList = new List<int>(ids.GetArrayLength());
        foreach (var x in ids.EnumerateArray())
        {
            if (x.ValueKind != JsonValueKind.Number || !x.TryGetInt32(out var v) || v < 0)
            {
                problem = "'input_ids' holds a value that is not a non-negative integer";
                return null;
            }

            idList.Add(v);
        }

        var maskList = new List<bool>(idList.Count);
        foreach (var x in mask.EnumerateArray())
        {
            if (x.ValueKind != JsonValueKind.Number || !x.TryGetInt32(out var v) || v is not (0 or 1))
            {
                problem = "'assistant_mask' holds a value other than 0 or 1";
                return null;
            }

            maskList.Add(v == 1);
        }

        return new TrainingExample(id, source, context, turns) { Tokens = new TokenizedConversation(idList, maskList) };
    }
}
