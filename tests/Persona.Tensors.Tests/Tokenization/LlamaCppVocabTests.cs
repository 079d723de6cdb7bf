using Persona.Tensors.Formats;
using Persona.Tensors.Tokenization;
using Persona.Tests;

namespace Persona.Tensors.Tests.Tokenization;

/// <summary>
/// llama.cpp's tokenizer test vectors (tests/test-tokenizer-0.cpp: inputs separated by
/// "\n__ggml_vocab_test__\n", one line of ids per input, no BOS), reproduced exactly.
/// </summary>
public sealed class LlamaCppVocabTests
{
    [Fact]
    public async Task Encode_LlamaSpmGguf_MatchesLlamaCppVectors()
    {
        var dir = TestPaths.RequireShared("models", "llama2-tokenizer");
        var tokenizer = await CheckpointLoader.LoadTokenizerAsync(Path.Combine(dir, "ggml-vocab-llama-spm.gguf"), 0, TestContext.Current.CancellationToken);
        await AssertVectorsAsync(tokenizer, Path.Combine(dir, "ggml-vocab-llama-spm.gguf"));
    }

    [Fact]
    public async Task Encode_Llama2cTokenizerBin_MatchesLlamaCppVectors()
    {
        // llama2.c's tokenizer.bin holds the same pieces and scores as the llama.cpp vocab.
        var dir = TestPaths.RequireShared("models", "llama2-tokenizer");
        var tokenizer = await CheckpointLoader.LoadTokenizerAsync(Path.Combine(dir, "tokenizer.bin"), 32000, TestContext.Current.CancellationToken);
        await AssertVectorsAsync(tokenizer, Path.Combine(dir, "ggml-vocab-llama-spm.gguf"));
    }

    [Fact]
    public async Task Encode_SmolLm2TokenizerJson_MatchesLlamaCppVectors()
    {
        var dir = TestPaths.RequireShared("models", "smollm2-135m-instruct-tokenizer");
        var tokenizer = await CheckpointLoader.LoadTokenizerAsync(Path.Combine(dir, "tokenizer.json"), 0, TestContext.Current.CancellationToken);
        await AssertVectorsAsync(tokenizer, Path.Combine(dir, "ggml-vocab-smollm.gguf"));
    }

    [Fact]
    public async Task Encode_SmolLm2AsGgufGpt2Vocabulary_MatchesLlamaCppVectors()
    {
        // The same SmolLM2 vocabulary written the way llama.cpp stores it (tokens, token_type, merges,
        // pre "smollm"), read back through the GGUF tokenizer path.
        var dir = TestPaths.RequireShared("models", "smollm2-135m-instruct-tokenizer");
        using var json = System.Text.Json.JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(dir, "tokenizer.json"), TestContext.Current.CancellationToken));
        var root = json.RootElement;
        var vocab = root.GetProperty("model").GetProperty("vocab").EnumerateObject().ToDictionary(p => p.Value.GetInt32(), p => p.Name);
        var special = root.GetProperty("added_tokens").EnumerateArray().Select(a => a.GetProperty("id").GetInt32()).ToHashSet();
        var tokens = Enumerable.Range(0, vocab.Count).Select(i => vocab[i]).ToList();
        var types = Enumerable.Range(0, vocab.Count).Select(i => special.Contains(i) ? 3 : 1).ToList();
        var merges = root.GetProperty("model").GetProperty("merges").EnumerateArray().Select(m => m.GetString()!).ToList();
        using var temp = TestPaths.CreateTempDirectory();
        var path = temp.Combine("smollm-vocab.gguf");
        Formats.GgufVocabularyWriter.Write(path, "gpt2", "smollm", tokens, types, merges);

        var tokenizer = await CheckpointLoader.LoadTokenizerAsync(path, 0, TestContext.Current.CancellationToken);

        await AssertVectorsAsync(tokenizer, Path.Combine(dir, "ggml-vocab-smollm.gguf"));
        Assert.Equal(2, tokenizer.SpecialTokenId("<|im_end|>"));
    }

    private static async Task AssertVectorsAsync(ITokenizer tokenizer, string prefix)
    {
        var inputs = (await File.ReadAllTextAsync(prefix + ".inp", TestContext.Current.CancellationToken)).Split("\n__ggml_vocab_test__\n");
        var outputs = (await File.ReadAllTextAsync(prefix + ".out", TestContext.Current.CancellationToken)).Split('\n');
        Assert.True(inputs.Length >= 40, $"only {inputs.Length} test inputs");
        var failures = new List<string>();
        for (var i = 0; i < inputs.Length; i++)
        {
            var input = i == inputs.Length - 1 ? inputs[i].TrimEnd('\n') : inputs[i];
            var expected = outputs[i].Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).ToArray();
            var actual = tokenizer.Encode(input);
            if (!expected.SequenceEqual(actual))
                failures.Add($"#{i} {System.Text.Json.JsonSerializer.Serialize(input)}: expected [{string.Join(' ', expected)}] got [{string.Join(' ', actual)}]");
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }
}
