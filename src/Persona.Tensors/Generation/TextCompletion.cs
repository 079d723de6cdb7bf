using System.Diagnostics;
using Persona.Tensors.Formats;
using Persona.Tensors.Model;
using Persona.Tensors.Tokenization;

namespace Persona.Tensors.Generation;

/// <summary>
/// Loads a checkpoint and its tokenizer, encodes the prompt, generates and decodes: the whole of
/// <c>persona generate-text</c>. Generation stops at EOS (and at BOS for SentencePiece vocabularies, as run.c does;
/// at any of the usual end-of-text/end-of-turn tokens for byte-level vocabularies).
/// </summary>
public static class TextCompletion
{
    public static async Task<TextGenerationResult> RunAsync(TextGenerationRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var problems = request.Problems();
        if (problems.Count > 0)
            throw new ArgumentException(string.Join("; ", problems));

        var clock = Stopwatch.StartNew();
        var loaded = await CheckpointLoader.LoadAsync(request.ModelPath, cancellationToken).ConfigureAwait(false);
        var tokenizer = request.TokenizerPath is not null
            ? await CheckpointLoader.LoadTokenizerAsync(request.TokenizerPath, loaded.Config.VocabSize, cancellationToken).ConfigureAwait(false)
            : loaded.Tokenizer ?? throw new ArgumentException($"{Path.GetFileName(request.ModelPath)} carries no tokenizer; pass one (e.g. tokenizer.bin, tokenizer.json)");
        if (tokenizer.VocabSize > loaded.Config.VocabSize)
            throw new ArgumentException($"the tokenizer has {tokenizer.VocabSize} tokens but the model only {loaded.Config.VocabSize}");
        var model = new Transformer(loaded.Config, loaded.Weights);
        var loadTime = clock.Elapsed;

        var prompt = Prompt(tokenizer, request.Prompt);
        var stops = new HashSet<int>();
        if (tokenizer.EosId is { } eos)
            stops.Add(eos);
        if (tokenizer is SentencePieceBpeTokenizer && tokenizer.BosId is { } bos)
            stops.Add(bos);
        foreach (var end in (string[])["<|endoftext|>", "<|im_end|>", "<|eot_id|>", "<|end_of_text|>"])
        {
            if (tokenizer is ByteLevelBpeTokenizer && tokenizer.SpecialTokenId(end) is { } id)
                stops.Add(id);
        }
        var maxTokens = Math.Min(request.MaxTokens, loaded.Config.MaxSequenceLength - prompt.Count);
        if (maxTokens < 0)
            throw new ArgumentException($"the prompt has {prompt.Count} tokens; the model's context is {loaded.Config.MaxSequenceLength}");
        clock.Restart();
        var generated = await Task.Run(() => new TextGenerator(model).Generate(prompt, maxTokens, request.Sampling, stops, cancellationToken), cancellationToken).ConfigureAwait(false);
        var generationTime = clock.Elapsed;

        var before = tokenizer.Decode(prompt);
        var all = tokenizer.Decode([.. prompt, .. generated]);
        var text = all.StartsWith(before, StringComparison.Ordinal) ? all[before.Length..] : tokenizer.Decode(generated);
        return new TextGenerationResult(text, prompt, generated, loadTime, generationTime);
    }

    private static List<int> Prompt(ITokenizer tokenizer, string? prompt)
    {
        if (!string.IsNullOrEmpty(prompt))
        {
            var ids = tokenizer.Encode(prompt, addBos: tokenizer is SentencePieceBpeTokenizer).ToList();
            if (ids.Count > 0)
                return ids;
        }

        var start = tokenizer.BosId ?? tokenizer.SpecialTokenId("<|endoftext|>")
            ?? throw new ArgumentException("no prompt was given and the tokenizer has no BOS token to start from");
        return [start];
    }
}
