using Persona.Tensors.Kernels;
using Persona.Tensors.Model;
using Persona.Tensors.Training;
using Persona.Tests;

namespace Persona.Tensors.Tests.Training;

/// <summary>Training end to end on the real stories260K checkpoint: the loss falls, exports reload to the same logits, resume is exact.</summary>
public sealed class LoraTrainingJobTests
{
    private static readonly string[] Replies = ["The cat sat on the mat.", "Lily went to the park with her dog.", "Tom had a big red ball."];

    private static async Task<string> WriteDataAsync(string directory)
    {
        var lines = Enumerable.Range(0, 6).Select(i =>
            $"{{\"messages\":[{{\"role\":\"user\",\"content\":\"Tell story {i % 3}\"}},{{\"role\":\"assistant\",\"content\":\"{Replies[i % 3]}\"}}]}}");
        var path = Path.Combine(directory, "train.jsonl");
        await File.WriteAllLinesAsync(path, [.. lines, "{not json", "{\"messages\":[{\"role\":\"user\",\"content\":\"no reply\"}]}"], TestContext.Current.CancellationToken);
        return path;
    }

    private static LoraTrainingRequest Request(string data, string output, LoraTrainingOptions training) => new()
    {
        BaseModel = TestPaths.RequireShared("models", "stories260K", "stories260K.bin"),
        Tokenizer = TestPaths.RequireShared("models", "stories260K", "tok512.bin"),
        DataFile = data,
        OutputDirectory = output,
        Lora = new LoraOptions { Rank = 4, Alpha = 8, Targets = LoraTargets.All },
        Training = training,
        ValidationFraction = 0.2f,
    };

    [Fact]
    public async Task RunAsync_SmallDataset_OverfitsAndExportsReloadToTheSameLogits()
    {
        using var temp = TestPaths.CreateTempDirectory();
        var data = await WriteDataAsync(temp.Path);
        var progress = new List<TrainingProgress>();
        var outcome = await LoraTrainingJob.RunAsync(
            Request(data, temp.Combine("out"), new LoraTrainingOptions { Epochs = 30, LearningRate = 1e-2f, WarmupSteps = 2, BatchSize = 1, GradientAccumulation = 2 }),
            progress.Add,
            TestContext.Current.CancellationToken);

        Assert.Equal(2, outcome.Diagnostics.Count);
        Assert.Contains(outcome.Diagnostics, d => d.Line == 7);
        Assert.Equal(nameof(PromptFormat.PlainTranscript), outcome.Report.PromptFormat);
        var first = outcome.Result.Curve[0].Loss;
        var last = outcome.Result.Curve.TakeLast(3).Average(p => p.Loss);
        Assert.True(last < first * 0.3, $"training loss fell only from {first:F3} to {last:F3}");
        Assert.NotNull(outcome.Result.Curve[^1].ValidationLoss);
        Assert.Equal(outcome.Result.Steps, progress.Count);

        foreach (var file in new[] { "adapter_config.json", "adapter_model.safetensors", "adapter.gguf", "Modelfile", "training.json" })
            Assert.True(File.Exists(temp.Combine("out", file)), file);
        var config = outcome.Network.Config;
        int[] ids = [1, 300, 40, 41, 42, 100, 7];
        var expected = outcome.Network.Logits(ids);
        var loaded = await Persona.Tensors.Formats.CheckpointLoader.LoadAsync(Request(data, temp.Path, new()).BaseModel, TestContext.Current.CancellationToken);
        foreach (var reloaded in new[] { await LoraExport.ReadPeftAsync(temp.Combine("out"), config, TestContext.Current.CancellationToken), LoraExport.ReadGguf(temp.Combine("out", "adapter.gguf"), config) })
        {
            var engine = new Transformer(config, reloaded.MergeInto(loaded.Weights), ReferenceKernels.Instance);
            var logits = engine.Forward(ids, engine.CreateCache(), allLogits: true);
            for (var i = 0; i < logits.Length; i++)
                Assert.Equal(expected[i], logits[i], 2e-3f);
        }

        var config1 = await File.ReadAllTextAsync(temp.Combine("out", "adapter_config.json"), TestContext.Current.CancellationToken);
        Assert.Contains("\"lora_alpha\": 8,", config1, StringComparison.Ordinal);
        Assert.Contains("\"peft_type\": \"LORA\"", config1, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_StoppedAtAStepAndResumed_EndsWithTheSameWeightsBitForBit()
    {
        using var temp = TestPaths.CreateTempDirectory();
        var data = await WriteDataAsync(temp.Path);
        var options = new LoraTrainingOptions { Epochs = 3, LearningRate = 5e-3f, WarmupSteps = 1, GradientAccumulation = 2, CheckpointEvery = 2, Seed = 7 };
        var straight = await LoraTrainingJob.RunAsync(Request(data, temp.Combine("a"), options), null, TestContext.Current.CancellationToken);

        var stopped = await LoraTrainingJob.RunAsync(Request(data, temp.Combine("b"), options with { StopAfterSteps = 4 }), null, TestContext.Current.CancellationToken);
        Assert.False(stopped.Result.Completed);
        var resumed = await LoraTrainingJob.RunAsync(Request(data, temp.Combine("b"), options), null, TestContext.Current.CancellationToken);
        Assert.True(resumed.Result.Resumed);
        Assert.True(resumed.Result.Completed);

        for (var p = 0; p < straight.Result.Adapter.Pairs.Count; p++)
        {
            Assert.Equal(straight.Result.Adapter.Pairs[p].A, resumed.Result.Adapter.Pairs[p].A);
            Assert.Equal(straight.Result.Adapter.Pairs[p].B, resumed.Result.Adapter.Pairs[p].B);
        }

        Assert.Equal(straight.Result.Curve.Select(c => c.Loss), resumed.Result.Curve.Select(c => c.Loss));
    }

    [Theory]
    [InlineData(RopeStyle.HalfSplit, ModelArchitecture.Llama)]
    [InlineData(RopeStyle.Interleaved, ModelArchitecture.Llama)]
    [InlineData(RopeStyle.HalfSplit, ModelArchitecture.Qwen2)]
    public async Task Exports_RoundTrip_ThroughPeftAndGguf(RopeStyle style, ModelArchitecture architecture)
    {
        using var temp = TestPaths.CreateTempDirectory();
        var config = TinyModels.Config(style, architecture == ModelArchitecture.Qwen2, architecture);
        var adapter = TinyModels.Adapter(config, new LoraOptions { Rank = 2, Alpha = 3, Targets = LoraTargets.All }, 5);
        await LoraExport.WritePeftAsync(temp.Path, adapter, config, "tiny", TestContext.Current.CancellationToken);
        await LoraExport.WriteGgufAsync(temp.Combine("a.gguf"), adapter, config, TestContext.Current.CancellationToken);
        foreach (var back in new[] { await LoraExport.ReadPeftAsync(temp.Path, config, TestContext.Current.CancellationToken), LoraExport.ReadGguf(temp.Combine("a.gguf"), config) })
        {
            Assert.Equal(adapter.Options.Alpha, back.Options.Alpha);
            for (var p = 0; p < adapter.Pairs.Count; p++)
            {
                Assert.Equal(adapter.Pairs[p].A, back.Pairs[p].A);
                Assert.Equal(adapter.Pairs[p].B, back.Pairs[p].B);
            }
        }
    }
}
