using System.Text.Json;
using Persona.Tensors.Formats;

namespace Persona.Tensors.Tokenization;

/// <summary>
/// Reads a Hugging Face <c>tokenizer.json</c> whose model is byte-level BPE (Qwen2/2.5, Llama-3, SmolLM2).
/// Recognised pre-tokenizers: ByteLevel(use_regex) [GPT-2], Split with the Qwen2 or Llama-3 regex followed by
/// ByteLevel(use_regex: false), each optionally after Digits(individual_digits). Anything else is reported.
/// </summary>
public static class TokenizerJson
{
    private const string Qwen2Regex = @"(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+";
    private const string Llama3Regex = @"(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+";

    public static async Task<ByteLevelBpeTokenizer> LoadAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var stream = File.OpenRead(path);
        await using (stream.ConfigureAwait(false))
        {
            JsonDocument document;
            try
            {
                document = await JsonDocument.ParseAsync(stream, default, cancellationToken).ConfigureAwait(false);
            }
            catch (JsonException ex)
            {
                throw ModelFormatException.In(path, $"invalid JSON at line {ex.LineNumber + 1}, byte {ex.BytePositionInLine}: {ex.Message}");
            }

            using (document)
                return Build(path, document.RootElement);
        }
    }

    private static ByteLevelBpeTokenizer Build(string path, JsonElement root)
    {
        if (!root.TryGetProperty("model", out var model) || model.ValueKind != JsonValueKind.Object)
            throw ModelFormatException.In(path, "'model' object is missing");
        var type = model.TryGetProperty("type", out var t) ? t.GetString() : null;
        if (type != "BPE")
            throw ModelFormatException.In(path, $"model.type '{type}' is not supported (BPE is)");
        if (!model.TryGetProperty("vocab", out var vocabElement) || vocabElement.ValueKind != JsonValueKind.Object)
            throw ModelFormatException.In(path, "model.vocab object is missing");
        var vocab = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var entry in vocabElement.EnumerateObject())
        {
            if (!entry.Value.TryGetInt32(out var id) || id < 0)
                throw ModelFormatException.In(path, $"model.vocab['{entry.Name}'] is not a non-negative integer id");
            vocab[entry.Name] = id;
        }

        var merges = new List<(string, string)>();
        if (model.TryGetProperty("merges", out var mergesElement) && mergesElement.ValueKind == JsonValueKind.Array)
        {
            var index = 0;
            foreach (var merge in mergesElement.EnumerateArray())
            {
                if (merge.ValueKind == JsonValueKind.String)
                {
                    var text = merge.GetString()!;
                    var space = text.IndexOf(' ', StringComparison.Ordinal);
                    if (space <= 0)
                        throw ModelFormatException.In(path, $"model.merges[{index}] '{text}' is not two tokens separated by a space");
                    merges.Add((text[..space], text[(space + 1)..]));
                }
                else if (merge.ValueKind == JsonValueKind.Array && merge.GetArrayLength() == 2)
                {
                    merges.Add((merge[0].GetString() ?? "", merge[1].GetString() ?? ""));
                }
                else
                {
                    throw ModelFormatException.In(path, $"model.merges[{index}] is neither \"a b\" nor [\"a\", \"b\"]");
                }

                index++;
            }
        }

        var added = new List<AddedToken>();
        if (root.TryGetProperty("added_tokens", out var addedElement) && addedElement.ValueKind == JsonValueKind.Array)
        {
            foreach (var a in addedElement.EnumerateArray())
            {
                if (a.TryGetProperty("id", out var idElement) && idElement.TryGetInt32(out var id) && a.TryGetProperty("content", out var content))
                    added.Add(new AddedToken(id, content.GetString() ?? "", a.TryGetProperty("special", out var s) && s.ValueKind == JsonValueKind.True));
            }
        }

        var normalizeNfc = false;
        if (root.TryGetProperty("normalizer", out var normalizer) && normalizer.ValueKind == JsonValueKind.Object)
        {
            var kind = normalizer.TryGetProperty("type", out var nt) ? nt.GetString() : null;
            normalizeNfc = kind == "NFC" ? true : throw ModelFormatException.In(path, $"normalizer '{kind}' is not supported (NFC or null are)");
        }

        var preTokenizer = ReadPreTokenizer(path, root.TryGetProperty("pre_tokenizer", out var pre) ? pre : default);
        var ignoreMerges = model.TryGetProperty("ignore_merges", out var im) && im.ValueKind == JsonValueKind.True;
        int? Find(params string[] contents) => contents.Select(c => added.FirstOrDefault(a => a.Content == c)?.Id).FirstOrDefault(id => id is not null);
        var bos = Find("<|begin_of_text|>", "<s>");
        var eos = Find("<|im_end|>", "<|eot_id|>", "<|endoftext|>", "</s>");
        return new ByteLevelBpeTokenizer(vocab, merges, added, preTokenizer, bos, eos, ignoreMerges, normalizeNfc);
    }

    private static PreTokenizerOptions ReadPreTokenizer(string path, JsonElement pre)
    {
        if (pre.ValueKind != JsonValueKind.Object)
            throw ModelFormatException.In(path, "pre_tokenizer is missing; a byte-level BPE needs one");
        var steps = pre.GetProperty("type").GetString() == "Sequence" ? pre.GetProperty("pretokenizers").EnumerateArray().ToList() : [pre];
        var digits = false;
        PreTokenizerPattern? pattern = null;
        foreach (var step in steps)
        {
            var kind = step.TryGetProperty("type", out var k) ? k.GetString() : null;
            switch (kind)
            {
                case "Digits":
                    digits = step.TryGetProperty("individual_digits", out var ind) && ind.ValueKind == JsonValueKind.True
                        ? true : throw ModelFormatException.In(path, "pre_tokenizer Digits without individual_digits is not supported");
                    break;
                case "ByteLevel":
                    if (step.TryGetProperty("add_prefix_space", out var aps) && aps.ValueKind == JsonValueKind.True)
                        throw ModelFormatException.In(path, "pre_tokenizer ByteLevel add_prefix_space=true is not supported");
                    if (!step.TryGetProperty("use_regex", out var ur) || ur.ValueKind == JsonValueKind.True)
                        pattern ??= PreTokenizerPattern.Gpt2;
                    break;
                case "Split":
                    var regex = step.TryGetProperty("pattern", out var p) && p.TryGetProperty("Regex", out var r) ? r.GetString() : null;
                    pattern = regex switch
                    {
                        Qwen2Regex => PreTokenizerPattern.Qwen2,
                        Llama3Regex => PreTokenizerPattern.Llama3,
                        _ => throw ModelFormatException.In(path, $"pre_tokenizer Split regex is not one of the known Qwen2/Llama-3 patterns: {regex}"),
                    };
                    break;
                default:
                    throw ModelFormatException.In(path, $"pre_tokenizer step '{kind}' is not supported");
            }
        }

        return new PreTokenizerOptions(pattern ?? throw ModelFormatException.In(path, "pre_tokenizer has no splitting step"), digits);
    }
}
