using System.Text.Json;

namespace Persona.Core.Training;

/// <summary>The fields every row layout shares: <c>id</c>, <c>source</c>, <c>context</c>, <c>synthetic</c>.</summary>
internal static class RowFields
{
    public static void WriteHeader(Utf8JsonWriter writer, TrainingExample example)
    {
        writer.WriteString("id", example.Id);
        writer.WriteString("source", TrainingNames.Of(example.Source));
        writer.WriteString("context", TrainingNames.Of(example.Context));
        writer.WriteBoolean("synthetic", example.Synthetic);
    }

    public static bool TryReadHeader(JsonElement row, out string id, out ExampleSource source, out ContextKind context, out string? problem)
    {
        id = "";
        source = default;
        context = default;
        problem = null;
        if (row.ValueKind != JsonValueKind.Object)
            problem = "row is not a JSON object";
        else if (!row.TryGetProperty("id", out var idValue) || idValue.ValueKind != JsonValueKind.String || string.IsNullOrEmpty(idValue.GetString()))
            problem = "missing string 'id'";
        else if (!row.TryGetProperty("source", out var s) || !TrainingNames.TryParse(s.ValueKind == JsonValueKind.String ? s.GetString() : null, out source))
            problem = "missing or unknown 'source'";
        else if (!row.TryGetProperty("context", out var c) || !TrainingNames.TryParse(c.ValueKind == JsonValueKind.String ? c.GetString() : null, out context))
            problem = "missing or unknown 'context'";
        else
        {
            id = idValue.GetString()!;
            var synthetic = row.TryGetProperty("synthetic", out var syn) && syn.ValueKind == JsonValueKind.True;
            if (synthetic != (context == ContextKind.SyntheticPrompt))
                problem = "'synthetic' disagrees with 'context'";
        }

        return problem is null;
    }

    /// <summary>Reads an array of turn objects with the given role and content keys and the given role names.</summary>
    public static List<TrainingTurn>? ReadTurns(JsonElement row, string arrayKey, string roleKey, string contentKey, Func<string?, TrainingRole?> role, bool readTrain, out string? problem)
    {
        problem = null;
        if (!row.TryGetProperty(arrayKey, out var array) || array.ValueKind != JsonValueKind.Array)
        {
            problem = $"missing array '{arrayKey}'";
            return null;
        }

        var turns = new List<TrainingTurn>();
        var i = 0;
        foreach (var item in array.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object
                || !item.TryGetProperty(roleKey, out var r) || r.ValueKind != JsonValueKind.String || role(r.GetString()) is not { } parsedRole
                || !item.TryGetProperty(contentKey, out var content) || content.ValueKind != JsonValueKind.String)
            {
                problem = $"{arrayKey}[{i}]: needs a known '{roleKey}' and a string '{contentKey}'";
                return null;
            }

            var train = parsedRole == TrainingRole.Assistant;
            if (readTrain)
            {
                if (!item.TryGetProperty("train", out var t) || (t.ValueKind != JsonValueKind.True && t.ValueKind != JsonValueKind.False))
                {
                    problem = $"{arrayKey}[{i}]: missing boolean 'train'";
                    return null;
                }

                train = t.ValueKind == JsonValueKind.True;
            }

            turns.Add(new TrainingTurn(parsedRole, content.GetString()!, train));
            i++;
        }

        if (!turns.Any(t => t.Role == TrainingRole.Assistant))
            problem = $"'{arrayKey}' has no assistant turn";
        return problem is null ? turns : null;
    }
}
