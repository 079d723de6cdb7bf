using System.Text.Json;

namespace Persona.Core.Training;

/// <summary>The snake_case names enums have in the written files, and their inverse.</summary>
internal static class TrainingNames
{
    public static string Of<T>(T value)
        where T : struct, Enum => value is LoraDataFormat
            ? value.ToString().ToLowerInvariant() // the CLI's spelling: openai, sharegpt, trainer
            : JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());

    public static bool TryParse<T>(string? name, out T value)
        where T : struct, Enum
    {
        foreach (var candidate in Enum.GetValues<T>())
        {
            if (string.Equals(Of(candidate), name, StringComparison.Ordinal))
            {
                value = candidate;
                return true;
            }
        }

        value = default;
        return false;
    }
}
