using System.CommandLine;
using Persona.Tensors.Training;

namespace Persona.Cli.Commands.Lora;

/// <summary>
/// <c>persona lora train --base PATH --data FILE --out loras/NAME [--tokenizer PATH] [--rank R] [--alpha A]
/// [--dropout P] [--targets q,v] [--epochs N] [--lr X] [--batch B] [--accumulate G] [--max-seq T] [--seed S]
/// [--checkpoint-every N]</c>: trains a LoRA adapter on chat JSONL and exports PEFT, GGUF, Modelfile and training.json.
/// Progress goes to stderr; a rerun with the same output folder resumes from its checkpoint.
/// </summary>
internal static class TrainCommand
{
    public static Command Create(CliContext context)
    {
        var baseModel = new Option<FileSystemInfo>("--base") { Description = "Base checkpoint: llama2.c .bin, GGUF file, or Hugging Face directory.", Required = true };
        var data = new Option<FileInfo>("--data") { Description = "Chat JSONL: OpenAI {\"messages\": [{\"role\", \"content\"}]}, ShareGPT, or lora data's trainer rows (train flags, input_ids, assistant_mask).", Required = true };
        var output = new Option<DirectoryInfo>("--out") { Description = "Adapter folder, e.g. loras/NAME (checkpoints go to its checkpoint/ subfolder).", Required = true };
        var tokenizer = new Option<FileInfo?>("--tokenizer") { Description = "Tokenizer file when the checkpoint carries none." };
        var rank = new Option<int>("--rank") { Description = "LoRA rank r.", DefaultValueFactory = _ => 16 };
        var alpha = new Option<int>("--alpha") { Description = "LoRA alpha (scaling alpha / r).", DefaultValueFactory = _ => 32 };
        var dropout = new Option<float>("--dropout") { Description = "Dropout on the adapter input.", DefaultValueFactory = _ => 0f };
        var targets = new Option<string>("--targets") { Description = "Comma-separated projections: q,k,v,o,gate,up,down or all.", DefaultValueFactory = _ => "q,v" };
        var epochs = new Option<int>("--epochs") { DefaultValueFactory = _ => 2 };
        var learningRate = new Option<float>("--lr") { Description = "Peak learning rate.", DefaultValueFactory = _ => 2e-4f };
        var warmup = new Option<int>("--warmup") { Description = "Warm-up steps.", DefaultValueFactory = _ => 5 };
        var batch = new Option<int>("--batch") { Description = "Sequences per micro-batch.", DefaultValueFactory = _ => 1 };
        var accumulate = new Option<int>("--accumulate") { Description = "Micro-batches per optimizer step.", DefaultValueFactory = _ => 4 };
        var maxSeq = new Option<int>("--max-seq") { Description = "Longest sequence in tokens.", DefaultValueFactory = _ => 512 };
        var seed = new Option<ulong>("--seed") { DefaultValueFactory = _ => 42UL };
        var checkpointEvery = new Option<int>("--checkpoint-every") { Description = "Checkpoint every N optimizer steps (0 = never).", DefaultValueFactory = _ => 50 };
        var train = new Command("train", "Fine-tune a LoRA adapter on chat data.") { baseModel, data, output, tokenizer, rank, alpha, dropout, targets, epochs, learningRate, warmup, batch, accumulate, maxSeq, seed, checkpointEvery };
        train.SetAction(async (parse, cancellationToken) =>
        {
            var targetList = new List<LoraTarget>();
            foreach (var name in parse.GetValue(targets)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (name.Equals("all", StringComparison.OrdinalIgnoreCase))
                    targetList.AddRange(LoraTargets.All);
                else
                    targetList.Add(LoraTargets.Parse(name) ?? throw new CliException($"--targets: unknown projection '{name}' (use q,k,v,o,gate,up,down or all)"));
            }

            var request = new LoraTrainingRequest
            {
                BaseModel = parse.GetValue(baseModel)!.FullName,
                DataFile = parse.GetValue(data)!.FullName,
                OutputDirectory = parse.GetValue(output)!.FullName,
                Tokenizer = parse.GetValue(tokenizer)?.FullName,
                Lora = new LoraOptions { Rank = parse.GetValue(rank), Alpha = parse.GetValue(alpha), Dropout = parse.GetValue(dropout), Targets = [.. targetList.Distinct()] },
                Training = new LoraTrainingOptions
                {
                    Epochs = parse.GetValue(epochs),
                    LearningRate = parse.GetValue(learningRate),
                    WarmupSteps = parse.GetValue(warmup),
                    BatchSize = parse.GetValue(batch),
                    GradientAccumulation = parse.GetValue(accumulate),
                    MaxSequenceLength = parse.GetValue(maxSeq),
                    Seed = parse.GetValue(seed),
                    CheckpointEvery = parse.GetValue(checkpointEvery),
                },
            };
            var problems = request.Problems();
            if (problems.Count > 0)
                throw new CliException(string.Join("; ", problems));
            LoraTrainingOutcome outcome;
            try
            {
                outcome = await LoraTrainingJob.RunAsync(request, p => context.Error.WriteLine(Format(p)), cancellationToken);
            }
            catch (ArgumentException ex)
            {
                throw new CliException(ex.Message);
            }

            foreach (var diagnostic in outcome.Diagnostics)
                await context.Error.WriteLineAsync((diagnostic.Skipped ? "skipped " : "note: ") + diagnostic);
            await context.Output.WriteLineAsync(outcome.OutputDirectory);
            return ExitCodes.Success;
        });
        return train;
    }

    private static string Format(TrainingProgress p) => FormattableString.Invariant(
        $"step {p.Step}/{p.TotalSteps} epoch {p.Epoch + 1} loss {p.Loss:F4} lr {p.LearningRate:E2} |g| {p.GradientNorm:F3} {p.TokensPerSecond:F0} tok/s ETA {p.Remaining:hh\\:mm\\:ss}") + (p.ValidationLoss is { } v ? FormattableString.Invariant($" val {v:F4}") : string.Empty);
}
