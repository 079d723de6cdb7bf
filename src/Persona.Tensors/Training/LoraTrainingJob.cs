using System.Security.Cryptography;
using System.Text.Json;
using Persona.Tensors.Formats;
using Persona.Tensors.Model;

namespace Persona.Tensors.Training;

/// <summary>
/// <c>persona lora train</c> end to end: load the base, read and encode the data, hold out validation
/// conversations, train (checkpoints under <c>OUT/checkpoint</c>; an existing one is resumed), then export
/// <c>OUT/</c>: the PEFT directory files, <c>adapter.gguf</c>, <c>Modelfile</c> and <c>training.json</c>.
/// </summary>
public static class LoraTrainingJob
{
    public const string GgufFile = "adapter.gguf";
    public const string ReportFile = "training.json";
    public const string CheckpointDirectory = "checkpoint";

    public static async Task<LoraTrainingOutcome> RunAsync(LoraTrainingRequest request, Action<TrainingProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var problems = request.Problems();
        if (problems.Count > 0)
            throw new ArgumentException(string.Join("; ", problems), nameof(request));
        var loaded = await CheckpointLoader.LoadAsync(request.BaseModel, cancellationToken);
        var tokenizer = loaded.Tokenizer
            ?? (request.Tokenizer is not null ? await CheckpointLoader.LoadTokenizerAsync(request.Tokenizer, loaded.Config.VocabSize, cancellationToken) : null)
            ?? throw new ArgumentException($"{request.BaseModel} carries no tokenizer: give one", nameof(request));
        var data = await ChatDataReader.ReadAsync(request.DataFile, cancellationToken);
        if (data.Conversations.Count == 0)
            throw new ArgumentException($"{request.DataFile}: no usable conversations" + (data.Diagnostics.Count > 0 ? " (" + data.Diagnostics[0] + ")" : string.Empty), nameof(request));
        var encoder = new ConversationEncoder(tokenizer);
        var maxLength = Math.Min(request.Training.MaxSequenceLength, loaded.Config.MaxSequenceLength);
        var diagnostics = data.Diagnostics.ToList();
        var examples = new List<TrainingExample>();
        foreach (var conversation in data.Conversations)
        {
            var example = encoder.Encode(conversation, maxLength, out var note);
            if (note is not null)
                diagnostics.Add(new ChatDataDiagnostic(request.DataFile, conversation.Line, note, Skipped: false));
            if (example.TargetCount > 0)
                examples.Add(example);
            else
                diagnostics.Add(new ChatDataDiagnostic(request.DataFile, conversation.Line, $"no target token within the first {maxLength} tokens: skipped"));
        }

        // hold out a seeded sample for validation
        var order = Enumerable.Range(0, examples.Count).ToList();
        new TrainingRandom(request.Training.Seed).Shuffle(order);
        var holdOut = examples.Count < 2 ? 0 : Math.Max(request.ValidationFraction > 0 ? 1 : 0, (int)Math.Round(examples.Count * request.ValidationFraction));
        var validation = order.Take(holdOut).Select(i => examples[i]).ToList();
        var train = order.Skip(holdOut).Select(i => examples[i]).ToList();

        var adapter = LoraAdapter.Create(loaded.Config, request.Lora, new TrainingRandom(request.Training.Seed));
        var network = new LoraNetwork(loaded.Config, loaded.Weights, adapter);
        var trainer = new LoraTrainer(network, request.Training);
        Directory.CreateDirectory(request.OutputDirectory);
        var result = await trainer.TrainAsync(train, validation, Path.Combine(request.OutputDirectory, CheckpointDirectory), progress, cancellationToken);

        var report = new LoraTrainingReport
        {
            BaseModel = request.BaseModel,
            BaseModelSha256 = await HashAsync(request.BaseModel, cancellationToken),
            DataFile = request.DataFile,
            DataSha256 = data.Sha256,
            TrainExamples = train.Count,
            ValidationExamples = validation.Count,
            PromptFormat = encoder.Format.ToString(),
            Rank = request.Lora.Rank,
            Alpha = request.Lora.Alpha,
            Dropout = request.Lora.Dropout,
            TargetModules = [.. request.Lora.Targets.OrderBy(t => t).Select(LoraTargets.PeftName)],
            Options = request.Training,
            Seed = request.Training.Seed,
            Steps = result.Steps,
            TokensSeen = result.TokensSeen,
            ElapsedSeconds = result.Elapsed.TotalSeconds,
            LossCurve = [.. result.Curve],
        };
        if (result.Completed)
            await ExportAsync(request.OutputDirectory, adapter, loaded.Config, request.BaseModel, encoder.Format, report, cancellationToken);
        return new LoraTrainingOutcome(result, report, diagnostics, network, encoder, tokenizer, request.OutputDirectory);
    }

    /// <summary>Writes the PEFT files, adapter.gguf, Modelfile and training.json into <paramref name="directory"/>.</summary>
    public static async Task ExportAsync(string directory, LoraAdapter adapter, TransformerConfig config, string baseModel, PromptFormat format, LoraTrainingReport report, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        await LoraExport.WritePeftAsync(directory, adapter, config, baseModel, cancellationToken);
        await LoraExport.WriteGgufAsync(Path.Combine(directory, GgufFile), adapter, config, cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(directory, "Modelfile"), OllamaModelfile.Render(Path.GetFullPath(baseModel), "./" + GgufFile, format), cancellationToken);
        await File.WriteAllBytesAsync(Path.Combine(directory, ReportFile), JsonSerializer.SerializeToUtf8Bytes(report, TrainingJsonContext.Default.LoraTrainingReport), cancellationToken);
    }

    private static async Task<string> HashAsync(string path, CancellationToken cancellationToken)
    {
        var files = Directory.Exists(path) ? Directory.GetFiles(path).OrderBy(f => f, StringComparer.Ordinal).ToArray() : [path];
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in files)
        {
            await using var stream = File.OpenRead(file);
            var buffer = new byte[1 << 20];
            int read;
            while ((read = await stream.ReadAsync(buffer, cancellationToken)) > 0)
                sha.AppendData(buffer, 0, read);
        }

        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }
}
