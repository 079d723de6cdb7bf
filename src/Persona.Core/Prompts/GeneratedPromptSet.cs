using System.Text.Json;
using Persona.Core.Storage;

namespace Persona.Core.Prompts;

/// <summary>The content of <c>prompts/generated_prompts.json</c>: every persona's prompt and the distinctness check.</summary>
public sealed partial record GeneratedPromptSet(int FormatVersion, int Seed, IReadOnlyList<GeneratedPrompt> Prompts, DistinctnessReport Distinctness)
{
    public const int CurrentFormatVersion = 1;

    /// <summary>Writes the set atomically (readers see the old file or the whole new one).</summary>
    public Task WriteAsync(string path, CancellationToken cancellationToken = default) =>
        AtomicFile.WriteAllTextAsync(path, ToJson() + "\n", cancellationToken);

    public string ToJson() => JsonSerializer.Serialize(this, PromptsJsonContext.Readable.GeneratedPromptSet);

    /// <exception cref="InvalidDataException">The file is not a generated-prompts file; the message names file and position.</exception>
    public static async Task<GeneratedPromptSet> ReadAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var stream = File.OpenRead(path);
        await using (stream.ConfigureAwait(false))
        {
            try
            {
                return await JsonSerializer.DeserializeAsync(stream, PromptsJsonContext.Default.GeneratedPromptSet, cancellationToken).ConfigureAwait(false)
                    ?? throw new InvalidDataException($"{path}: empty generated-prompts file");
            }
            catch (JsonException ex)
            {
                throw new InvalidDataException($"{path}: line {ex.LineNumber + 1}, byte {ex.BytePositionInLine}: {ex.Message}", ex);
            }
        }
    }
}
