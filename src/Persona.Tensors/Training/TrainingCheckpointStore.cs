using System.Text.Json;
using Persona.Tensors.Formats;

namespace Persona.Tensors.Training;

/// <summary>
/// Saves and loads <see cref="TrainingCheckpoint"/>s in a directory: <c>step-N.safetensors</c> (adapter A/B and
/// AdamW moments) written first, then <c>state.json</c> replaced atomically; a kill at any moment leaves the
/// previous checkpoint usable.
/// </summary>
public static class TrainingCheckpointStore
{
    private const string StateFile = "state.json";

    public static async Task SaveAsync(string directory, TrainingCheckpoint state, LoraAdapter adapter, AdamW optimizer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(adapter);
        ArgumentNullException.ThrowIfNull(optimizer);
        Directory.CreateDirectory(directory);
        var tensors = new Dictionary<string, (float[], long[])>();
        for (var i = 0; i < adapter.Pairs.Count; i++)
        {
            var p = adapter.Pairs[i];
            tensors[$"lora.{i}.a"] = (p.A, [p.Rank, p.In]);
            tensors[$"lora.{i}.b"] = (p.B, [p.Out, p.Rank]);
        }

        for (var j = 0; j < optimizer.FirstMoments.Length; j++)
        {
            tensors[$"adam.{j}.m"] = (optimizer.FirstMoments[j], [optimizer.FirstMoments[j].Length]);
            tensors[$"adam.{j}.v"] = (optimizer.SecondMoments[j], [optimizer.SecondMoments[j].Length]);
        }

        var previous = await TryLoadStateAsync(directory, cancellationToken);
        await SafetensorsWriter.WriteAsync(Path.Combine(directory, state.TensorFile), tensors, new Dictionary<string, string> { ["adam_step"] = optimizer.Step.ToString(System.Globalization.CultureInfo.InvariantCulture) }, cancellationToken);
        var temp = Path.Combine(directory, "." + StateFile + ".tmp");
        await File.WriteAllBytesAsync(temp, JsonSerializer.SerializeToUtf8Bytes(state, TrainingJsonContext.Default.TrainingCheckpoint), cancellationToken);
        File.Move(temp, Path.Combine(directory, StateFile), overwrite: true);
        if (previous is not null && previous.TensorFile != state.TensorFile)
            File.Delete(Path.Combine(directory, previous.TensorFile));
    }

    /// <summary>The saved state, or null when the directory holds none.</summary>
    public static async Task<TrainingCheckpoint?> TryLoadStateAsync(string directory, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(directory);
        var path = Path.Combine(directory, StateFile);
        if (!File.Exists(path))
            return null;
        try
        {
            await using var stream = File.OpenRead(path);
            return await JsonSerializer.DeserializeAsync(stream, TrainingJsonContext.Default.TrainingCheckpoint, cancellationToken)
                ?? throw new InvalidDataException($"{path}: empty checkpoint state");
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{path}: unreadable checkpoint state at line {ex.LineNumber}: {ex.Message}", ex);
        }
    }

    /// <summary>Copies the checkpoint's adapter and optimizer moments into <paramref name="adapter"/> and <paramref name="optimizer"/>.</summary>
    public static void Restore(string directory, TrainingCheckpoint state, LoraAdapter adapter, AdamW optimizer)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(adapter);
        ArgumentNullException.ThrowIfNull(optimizer);
        using var file = SafetensorsFile.Open(Path.Combine(directory, state.TensorFile));
        for (var i = 0; i < adapter.Pairs.Count; i++)
        {
            var p = adapter.Pairs[i];
            file.Read($"lora.{i}.a", p.A.Length).CopyTo(p.A, 0);
            file.Read($"lora.{i}.b", p.B.Length).CopyTo(p.B, 0);
        }

        for (var j = 0; j < optimizer.FirstMoments.Length; j++)
        {
            file.Read($"adam.{j}.m", optimizer.FirstMoments[j].Length).CopyTo(optimizer.FirstMoments[j], 0);
            file.Read($"adam.{j}.v", optimizer.SecondMoments[j].Length).CopyTo(optimizer.SecondMoments[j], 0);
        }

        optimizer.Step = state.Step;
    }
}
