using System.Text.Json;
using Persona.Tensors.Formats;
using Persona.Tensors.Kernels;
using Persona.Tensors.Model;
using Persona.Tests;

namespace Persona.Tensors.Tests.Formats;

/// <summary>
/// Tiny Llama-shaped (bf16, untied, llama3 rope scaling) and Qwen2-shaped (f16, q/k/v bias, tied, sharded,
/// v5 rope_parameters) checkpoints; logits compared with an independent PyTorch forward
/// (Fixtures/make_tiny_checkpoints.py, values committed in Fixtures/expected_logits.json); and the Llama one
/// as a llama.cpp-layout GGUF (permuted q/k, Q8_0 + F16 + F32 tensors).
/// </summary>
public sealed class HuggingFaceCheckpointTests
{
    internal static string Fixtures => Path.Combine(TestPaths.RepoRoot, "tests", "Persona.Tensors.Tests", "Fixtures");

    [Theory]
    [InlineData("tiny-llama", false)]
    [InlineData("tiny-llama", true)]
    [InlineData("tiny-qwen2", false)]
    [InlineData("tiny-qwen2", true)]
    [InlineData("tiny-llama-q8.gguf", false)]
    public async Task Forward_TinyCheckpoint_MatchesPyTorchWithin1e4(string name, bool referenceKernels)
    {
        var loaded = await CheckpointLoader.LoadAsync(Path.Combine(Fixtures, name), TestContext.Current.CancellationToken);
        var (tokens, expected) = await ExpectedAsync(name);
        var model = new Transformer(loaded.Config, loaded.Weights, referenceKernels ? ReferenceKernels.Instance : FastKernels.Instance);

        var logits = model.Forward(tokens, model.CreateCache(tokens.Length), allLogits: true);

        Assert.Equal(expected.Length, logits.Length);
        var maxDiff = expected.Select((e, i) => Math.Abs(e - logits[i])).Max();
        Assert.True(maxDiff < 1e-4, $"max |Δ| = {maxDiff}");
    }

    [Fact]
    public async Task Load_TinyQwen2_ReadsConfigConventions()
    {
        var loaded = await CheckpointLoader.LoadAsync(Path.Combine(Fixtures, "tiny-qwen2"), TestContext.Current.CancellationToken);

        Assert.Equal(ModelArchitecture.Qwen2, loaded.Config.Architecture);
        Assert.True(loaded.Config.AttentionBias);
        Assert.True(loaded.Config.TiedEmbeddings);
        Assert.Same(loaded.Weights.TokenEmbedding, loaded.Weights.Output);
        Assert.Equal(1_000_000f, loaded.Config.RopeTheta);
        Assert.Equal(RopeStyle.HalfSplit, loaded.Config.RopeStyle);
        Assert.Equal(4, loaded.Config.Heads / loaded.Config.KvHeads);
    }

    internal static async Task<(int[] Tokens, float[] Logits)> ExpectedAsync(string name)
    {
        using var document = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(Fixtures, "expected_logits.json"), TestContext.Current.CancellationToken));
        var model = document.RootElement.GetProperty("models").GetProperty(name);
        var tokens = model.GetProperty("tokens").EnumerateArray().Select(e => e.GetInt32()).ToArray();
        var logits = model.GetProperty("logits").EnumerateArray().SelectMany(row => row.EnumerateArray().Select(e => e.GetSingle())).ToArray();
        return (tokens, logits);
    }
}
