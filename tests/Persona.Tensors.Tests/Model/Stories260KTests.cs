using System.Text.Json;
using Persona.Tensors.Formats;
using Persona.Tensors.Generation;
using Persona.Tensors.Kernels;
using Persona.Tensors.Model;
using Persona.Tensors.Tokenization;
using Persona.Tests;

namespace Persona.Tensors.Tests.Model;

/// <summary>
/// karpathy/llama2.c's own end-to-end check (test_all.py): stories260K, greedy from BOS for 200 steps,
/// must print exactly the published text; plus run.c's prompted runs and first-step logits.
/// </summary>
public sealed class Stories260KTests
{
    private static string Dir => TestPaths.RequireShared("models", "stories260K");

    [Theory]
    [InlineData("stories260K.bin", false)]
    [InlineData("stories260K.bin", true)]
    [InlineData("stories260K.gguf", false)]
    public async Task Generate_GreedyFromBos_MatchesLlama2cTestAll(string checkpoint, bool referenceKernels)
    {
        var (model, tokenizer) = await LoadAsync(checkpoint, referenceKernels);
        var expectedIds = (await File.ReadAllTextAsync(Path.Combine(Dir, "expected_greedy_200_token_ids.txt"), TestContext.Current.CancellationToken))
            .Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).ToArray();
        var expectedText = await File.ReadAllTextAsync(Path.Combine(Dir, "expected_greedy_200.txt"), TestContext.Current.CancellationToken);

        var generated = new TextGenerator(model).Generate([1], 200, SamplingOptions.Greedy, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(expectedIds, generated);
        Assert.Equal(expectedText, tokenizer.Decode([1, .. generated]));
    }

    [Theory]
    [InlineData("stories260K.bin")]
    [InlineData("stories260K.gguf")]
    public async Task Generate_PromptedRuns_MatchRunC(string checkpoint)
    {
        var (model, tokenizer) = await LoadAsync(checkpoint, referenceKernels: false);
        using var reference = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(Dir, "reference_run_c.json"), TestContext.Current.CancellationToken));
        foreach (var run in reference.RootElement.GetProperty("runs").EnumerateObject())
        {
            var promptTokens = run.Value.GetProperty("prompt_tokens").EnumerateArray().Select(e => e.GetInt32()).ToArray();
            var next = run.Value.GetProperty("next_tokens").EnumerateArray().Select(e => e.GetInt32()).ToArray();
            Assert.Equal(promptTokens, tokenizer.Encode(run.Name, addBos: true));

            var generated = new TextGenerator(model).Generate(promptTokens, next.Length - promptTokens.Length + 1, SamplingOptions.Greedy, cancellationToken: TestContext.Current.CancellationToken);

            Assert.Equal(next[(promptTokens.Length - 1)..], generated);
            Assert.Equal(run.Value.GetProperty("stdout_without_final_newline").GetString(), tokenizer.Decode([.. promptTokens, .. generated]));

            var logits = model.Forward([promptTokens[0]], model.CreateCache(1));
            foreach (var pair in run.Value.GetProperty("top5_logits_pos0").EnumerateArray())
                Assert.Equal(pair[1].GetDouble(), logits[pair[0].GetInt32()], 1e-3);
            var top5 = Enumerable.Range(0, logits.Length).OrderByDescending(i => logits[i]).Take(5);
            Assert.Equal(run.Value.GetProperty("top5_logits_pos0").EnumerateArray().Select(p => p[0].GetInt32()), top5);
        }
    }

    [Fact]
    public async Task Forward_BatchedPrefill_EqualsTokenByTokenDecode()
    {
        var (model, _) = await LoadAsync("stories260K.bin", referenceKernels: false);
        int[] tokens = [1, 403, 407, 261, 378, 432, 383, 286];
        var batched = model.Forward(tokens, model.CreateCache(16), allLogits: true);
        var cache = model.CreateCache(16);
        var v = model.Config.VocabSize;
        for (var i = 0; i < tokens.Length; i++)
        {
            var step = model.Forward([tokens[i]], cache);
            for (var j = 0; j < v; j++)
                Assert.Equal(batched[(i * v) + j], step[j], 1e-4f);
        }
    }

    internal static async Task<(Transformer Model, ITokenizer Tokenizer)> LoadAsync(string checkpoint, bool referenceKernels)
    {
        var loaded = await CheckpointLoader.LoadAsync(Path.Combine(Dir, checkpoint), TestContext.Current.CancellationToken);
        var tokenizer = loaded.Tokenizer ?? await CheckpointLoader.LoadTokenizerAsync(Path.Combine(Dir, "tok512.bin"), loaded.Config.VocabSize, TestContext.Current.CancellationToken);
        IKernels kernels = referenceKernels ? ReferenceKernels.Instance : FastKernels.Instance;
        return (new Transformer(loaded.Config, loaded.Weights, kernels), tokenizer);
    }
}
