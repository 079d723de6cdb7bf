using System.Text.Json;
using Persona.Tensors.Kernels;
using Persona.Tensors.Model;
using Persona.Tensors.Tokenization;

namespace Persona.Tensors.Formats;

/// <summary>
/// A Hugging Face checkpoint directory: <c>config.json</c> (LlamaForCausalLM or Qwen2ForCausalLM, with
/// <c>rope_theta</c>/<c>rope_scaling</c> or v5 <c>rope_parameters</c>), <c>model.safetensors</c> or
/// <c>model.safetensors.index.json</c> shards, and <c>tokenizer.json</c> when present. RoPE is half-split.
/// </summary>
internal static class HuggingFaceCheckpoint
{
    public static async Task<LoadedModel> LoadAsync(string directory, CancellationToken cancellationToken)
    {
        var configPath = Path.Combine(directory, "config.json");
        if (!File.Exists(configPath))
            throw new FileNotFoundException($"{directory} has no config.json", configPath);
        var config = ReadConfig(configPath, await File.ReadAllBytesAsync(configPath, cancellationToken).ConfigureAwait(false));
        var weights = await Task.Run(() => ReadWeights(directory, config), cancellationToken).ConfigureAwait(false);
        var tokenizerPath = Path.Combine(directory, "tokenizer.json");
        ITokenizer? tokenizer = File.Exists(tokenizerPath) ? await TokenizerJson.LoadAsync(tokenizerPath, cancellationToken).ConfigureAwait(false) : null;
        return new LoadedModel(config, weights, tokenizer, CheckpointFormat.HuggingFace);
    }

    internal static TransformerConfig ReadConfig(string path, byte[] json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException ex)
        {
            throw ModelFormatException.In(path, $"invalid JSON at line {ex.LineNumber + 1}: {ex.Message}");
        }

        using (document)
        {
            var root = document.RootElement;
            var archName = root.TryGetProperty("architectures", out var archs) && archs.ValueKind == JsonValueKind.Array && archs.GetArrayLength() > 0
                ? archs[0].GetString() : root.TryGetProperty("model_type", out var mt) ? mt.GetString() : null;
            var architecture = archName switch
            {
                "LlamaForCausalLM" or "llama" => ModelArchitecture.Llama,
                "Qwen2ForCausalLM" or "qwen2" => ModelArchitecture.Qwen2,
                _ => throw ModelFormatException.In(path, $"architecture '{archName}' is not supported (LlamaForCausalLM, Qwen2ForCausalLM are)"),
            };
            int Int(string key, int? fallback = null) =>
                root.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var i) ? i
                : fallback ?? throw ModelFormatException.In(path, $"'{key}' is missing or not an integer");
            double Real(JsonElement obj, string key, double fallback) =>
                obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : fallback;

            var dim = Int("hidden_size");
            var heads = Int("num_attention_heads");
            var rope = root.TryGetProperty("rope_parameters", out var rp) && rp.ValueKind == JsonValueKind.Object ? rp
                : root.TryGetProperty("rope_scaling", out var rs) && rs.ValueKind == JsonValueKind.Object ? rs : default;
            var theta = Real(rope, "rope_theta", Real(root, "rope_theta", 10000));
            Llama3RopeScaling? scaling = null;
            if (rope.ValueKind == JsonValueKind.Object)
            {
                var ropeType = rope.TryGetProperty("rope_type", out var rt) ? rt.GetString() : rope.TryGetProperty("type", out var tt) ? tt.GetString() : "default";
                if (ropeType == "llama3")
                {
                    scaling = new Llama3RopeScaling(
                        (float)Real(rope, "factor", 8),
                        (float)Real(rope, "low_freq_factor", 1),
                        (float)Real(rope, "high_freq_factor", 4),
                        (int)Real(rope, "original_max_position_embeddings", 8192));
                }
                else if (ropeType is not ("default" or null))
                {
                    throw ModelFormatException.In(path, $"rope type '{ropeType}' is not supported (default, llama3 are)");
                }
            }

            var config = new TransformerConfig
            {
                Architecture = architecture,
                Dim = dim,
                HiddenDim = Int("intermediate_size"),
                Layers = Int("num_hidden_layers"),
                Heads = heads,
                KvHeads = Int("num_key_value_heads", heads),
                HeadDim = Int("head_dim", heads > 0 ? dim / heads : 0),
                VocabSize = Int("vocab_size"),
                MaxSequenceLength = Int("max_position_embeddings", 2048),
                RmsNormEps = (float)Real(root, "rms_norm_eps", 1e-6),
                RopeTheta = (float)theta,
                RopeStyle = RopeStyle.HalfSplit,
                RopeScaling = scaling,
                AttentionBias = architecture == ModelArchitecture.Qwen2 || (root.TryGetProperty("attention_bias", out var ab) && ab.ValueKind == JsonValueKind.True),
                TiedEmbeddings = root.TryGetProperty("tie_word_embeddings", out var tie) && tie.ValueKind == JsonValueKind.True,
            };
            var problems = config.Problems();
            return problems.Count == 0 ? config : throw ModelFormatException.In(path, "invalid configuration: " + string.Join("; ", problems));
        }
    }

    private static TransformerWeights ReadWeights(string directory, TransformerConfig config)
    {
        var files = new Dictionary<string, SafetensorsFile>(StringComparer.Ordinal);
        try
        {
            var single = Path.Combine(directory, "model.safetensors");
            var index = Path.Combine(directory, "model.safetensors.index.json");
            var location = new Dictionary<string, SafetensorsFile>(StringComparer.Ordinal);
            if (File.Exists(single))
            {
                var file = files[single] = SafetensorsFile.Open(single);
                foreach (var name in file.Tensors.Keys)
                    location[name] = file;
            }
            else if (File.Exists(index))
            {
                foreach (var (tensor, shard) in ReadIndex(index))
                {
                    var shardPath = Path.GetFullPath(Path.Combine(directory, shard));
                    if (!files.TryGetValue(shardPath, out var file))
                        file = files[shardPath] = SafetensorsFile.Open(shardPath);
                    location[tensor] = file;
                }
            }
            else
            {
                throw new FileNotFoundException($"{directory} has neither model.safetensors nor model.safetensors.index.json");
            }

            float[] Read(string name, long count) => location.TryGetValue(name, out var f) ? f.Read(name, count)
                : throw ModelFormatException.In(directory, $"tensor '{name}' is in no safetensors file");
            long d = config.Dim, q = config.QDim, kv = config.KvDim, hidden = config.HiddenDim, v = config.VocabSize;
            var embed = Read("model.embed_tokens.weight", v * d);
            var layers = new LayerWeights[config.Layers];
            for (var l = 0; l < config.Layers; l++)
            {
                var p = $"model.layers.{l}.";
                var bias = config.AttentionBias;
                layers[l] = new LayerWeights
                {
                    AttentionNorm = Read(p + "input_layernorm.weight", d),
                    Wq = Read(p + "self_attn.q_proj.weight", q * d),
                    Wk = Read(p + "self_attn.k_proj.weight", kv * d),
                    Wv = Read(p + "self_attn.v_proj.weight", kv * d),
                    Wo = Read(p + "self_attn.o_proj.weight", d * q),
                    Bq = bias ? Read(p + "self_attn.q_proj.bias", q) : null,
                    Bk = bias ? Read(p + "self_attn.k_proj.bias", kv) : null,
                    Bv = bias ? Read(p + "self_attn.v_proj.bias", kv) : null,
                    FfnNorm = Read(p + "post_attention_layernorm.weight", d),
                    Gate = Read(p + "mlp.gate_proj.weight", hidden * d),
                    Up = Read(p + "mlp.up_proj.weight", hidden * d),
                    Down = Read(p + "mlp.down_proj.weight", d * hidden),
                };
            }

            var tied = config.TiedEmbeddings || !location.ContainsKey("lm_head.weight");
            return new TransformerWeights
            {
                TokenEmbedding = embed,
                Layers = layers,
                FinalNorm = Read("model.norm.weight", d),
                Output = tied ? embed : Read("lm_head.weight", v * d),
            };
        }
        finally
        {
            foreach (var file in files.Values)
                file.Dispose();
        }
    }

    private static List<(string Tensor, string Shard)> ReadIndex(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(path));
        if (!document.RootElement.TryGetProperty("weight_map", out var map) || map.ValueKind != JsonValueKind.Object)
            throw ModelFormatException.In(path, "'weight_map' object is missing");
        var result = new List<(string, string)>();
        foreach (var entry in map.EnumerateObject())
        {
            var shard = entry.Value.GetString();
            if (string.IsNullOrEmpty(shard) || shard.Contains("..", StringComparison.Ordinal) || Path.IsPathRooted(shard))
                throw ModelFormatException.In(path, $"weight_map['{entry.Name}'] names an invalid shard file '{shard}'");
            result.Add((entry.Name, shard));
        }

        return result;
    }
}
