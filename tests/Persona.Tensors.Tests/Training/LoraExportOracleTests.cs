using System.Text.Json;
using Persona.Tensors.Formats;
using Persona.Tensors.Kernels;
using Persona.Tensors.Model;
using Persona.Tensors.Tests.Formats;
using Persona.Tensors.Tests.Oracles;
using Persona.Tensors.Training;
using Persona.Tests;

namespace Persona.Tensors.Tests.Training;

/// <summary>
/// The exported adapter read by readers that are not ours: <c>adapter.gguf</c> through npm's
/// <c>@huggingface/gguf</c>, <c>adapter_model.safetensors</c> and <c>adapter_config.json</c> parsed in node.
/// Names, shapes and the q/k row order are written here from llama.cpp's and PEFT's conventions, not
/// from the exporter's own naming and layout code.
/// </summary>
public sealed class LoraExportOracleTests
{
    private const int Rank = 3;
    private const int Alpha = 5;

    // target, PEFT module path, llama.cpp tensor name.
    private static readonly (LoraTarget Target, string Peft, string Gguf)[] Names =
    [
        (LoraTarget.Query, "self_attn.q_proj", "attn_q"),
        (LoraTarget.Key, "self_attn.k_proj", "attn_k"),
        (LoraTarget.Value, "self_attn.v_proj", "attn_v"),
        (LoraTarget.Output, "self_attn.o_proj", "attn_output"),
        (LoraTarget.Gate, "mlp.gate_proj", "ffn_gate"),
        (LoraTarget.Up, "mlp.up_proj", "ffn_up"),
        (LoraTarget.Down, "mlp.down_proj", "ffn_down"),
    ];

    [Theory]
    [InlineData("tiny-llama")]  // HF checkpoint, llama: held half-split, GGUF rows permuted to llama.cpp's order
    [InlineData("tiny-qwen2")]  // HF checkpoint, qwen2: no permutation anywhere
    [InlineData("stories260K")] // llama2.c checkpoint: held interleaved, PEFT rows permuted to HF's order
    public async Task Export_ReadByIndependentReaders_MatchesTheAdapter(string model)
    {
        var ct = TestContext.Current.CancellationToken;
        var path = model == "stories260K"
            ? TestPaths.RequireShared("models", "stories260K", "stories260K.bin")
            : Path.Combine(HuggingFaceCheckpointTests.Fixtures, model);
        var config = (await CheckpointLoader.LoadAsync(path, ct)).Config;
        var adapter = TinyModels.Adapter(config, new LoraOptions { Rank = Rank, Alpha = Alpha, Targets = LoraTargets.All }, 17);
        using var temp = TestPaths.CreateTempDirectory();
        await LoraExport.WritePeftAsync(temp.Path, adapter, config, model, ct);
        await LoraExport.WriteGgufAsync(Path.Combine(temp.Path, "adapter.gguf"), adapter, config, ct);

        var oracle = await NodeOracle.ReadAdapterAsync(temp.Path, ct);

        var architecture = config.Architecture == ModelArchitecture.Qwen2 ? "qwen2" : "llama";
        CheckGguf(oracle.GetProperty("gguf"), adapter, config, architecture);
        CheckSafetensors(oracle.GetProperty("safetensors"), adapter, config);
        CheckPeftConfig(oracle.GetProperty("peftConfig"), model);

        // The two files against each other: for llama, llama.cpp's converter permutes the q/k rows of B
        // (and only B) from HF order; for qwen2 it copies them.
        var gguf = Tensors(oracle.GetProperty("gguf"));
        var peft = Tensors(oracle.GetProperty("safetensors"));
        foreach (var pair in adapter.Pairs)
        {
            var (_, peftPath, ggufName) = Names.Single(n => n.Target == pair.Target);
            var peftB = peft[$"base_model.model.model.layers.{pair.Layer}.{peftPath}.lora_B.weight"];
            var expected = architecture == "llama" && pair.Target is LoraTarget.Query or LoraTarget.Key
                ? LlamaCppPermute(peftB, pair.Target == LoraTarget.Query ? config.Heads : config.KvHeads, pair.Rank)
                : peftB;
            Assert.Equal(expected, gguf[$"blk.{pair.Layer}.{ggufName}.weight.lora_b"]);
            Assert.Equal(peft[$"base_model.model.model.layers.{pair.Layer}.{peftPath}.lora_A.weight"], gguf[$"blk.{pair.Layer}.{ggufName}.weight.lora_a"]);
        }
    }

    private static void CheckGguf(JsonElement gguf, LoraAdapter adapter, TransformerConfig config, string architecture)
    {
        Assert.Equal(3, gguf.GetProperty("version").GetInt32());
        Assert.True(gguf.GetProperty("littleEndian").GetBoolean());
        var metadata = gguf.GetProperty("metadata");
        void Kv(string key, string type, object value)
        {
            Assert.True(metadata.TryGetProperty(key, out var entry), $"GGUF key {key} missing");
            Assert.Equal(type, entry.GetProperty("type").GetString());
            var actual = entry.GetProperty("value");
            if (value is string text)
                Assert.Equal(text, actual.GetString());
            else
                Assert.Equal(Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture), actual.GetDouble());
        }

        Kv("general.type", "STRING", "adapter");
        Kv("adapter.type", "STRING", "lora");
        Kv("adapter.lora.alpha", "FLOAT32", (double)Alpha);
        Kv("general.architecture", "STRING", architecture);

        var tensors = gguf.GetProperty("tensors").EnumerateArray().ToList();
        var expectedNames = adapter.Pairs
            .SelectMany(p => new[] { $"blk.{p.Layer}.{Names.Single(n => n.Target == p.Target).Gguf}.weight.lora_a", $"blk.{p.Layer}.{Names.Single(n => n.Target == p.Target).Gguf}.weight.lora_b" })
            .Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expectedNames, tensors.Select(t => t.GetProperty("name").GetString()!).Order(StringComparer.Ordinal).ToList());
        Assert.Equal(expectedNames.Count, metadata.GetProperty("tensor_count").GetProperty("value").GetInt32());

        var dataStart = gguf.GetProperty("tensorDataOffset").GetInt64();
        Assert.Equal(0, dataStart % 32);
        var fileLength = gguf.GetProperty("fileLength").GetInt64();
        var spans = new List<(long Begin, long End)>();
        foreach (var t in tensors)
        {
            var name = t.GetProperty("name").GetString()!;
            var pair = PairOf(adapter, name);
            var (inF, outF) = Shape(pair.Target, config);
            long[] ne = name.EndsWith("lora_a", StringComparison.Ordinal) ? [inF, Rank] : [Rank, outF]; // ggml ne: innermost first
            Assert.Equal(ne, t.GetProperty("shape").EnumerateArray().Select(d => d.GetInt64()).ToArray());
            Assert.Equal("F32", t.GetProperty("dtype").GetString());
            var offset = t.GetProperty("offset").GetInt64();
            Assert.True(offset % 32 == 0, $"{name}: offset {offset} is not a multiple of the alignment");
            spans.Add((dataStart + offset, dataStart + offset + (4 * ne[0] * ne[1])));
            Assert.True(spans[^1].End <= fileLength, $"{name}: data runs past the end of the file");

            var data = Floats(t.GetProperty("data"));
            if (name.EndsWith("lora_a", StringComparison.Ordinal))
                Assert.Equal(pair.A, data);
            else if (config.RopeStyle == RopeStyle.Interleaved || pair.Target is not (LoraTarget.Query or LoraTarget.Key) || architecture != "llama")
                Assert.Equal(pair.B, data); // already in llama.cpp's row order
            else
                Assert.Equal(LlamaCppPermute(pair.B, pair.Target == LoraTarget.Query ? config.Heads : config.KvHeads, Rank), data);
        }

        spans.Sort();
        for (var i = 1; i < spans.Count; i++)
            Assert.True(spans[i].Begin >= spans[i - 1].End, "GGUF tensor data overlaps");
    }

    private static void CheckSafetensors(JsonElement st, LoraAdapter adapter, TransformerConfig config)
    {
        Assert.Equal("{", st.GetProperty("headerFirstChar").GetString());
        Assert.Equal("pt", st.GetProperty("metadata").GetProperty("format").GetString());
        var tensors = st.GetProperty("tensors").EnumerateArray().ToList();
        var expectedNames = adapter.Pairs
            .SelectMany(p => new[] { 'A', 'B' }.Select(m => $"base_model.model.model.layers.{p.Layer}.{Names.Single(n => n.Target == p.Target).Peft}.lora_{m}.weight"))
            .Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expectedNames, tensors.Select(t => t.GetProperty("name").GetString()!).Order(StringComparer.Ordinal).ToList());

        // The reference reader's rules: offsets contiguous from 0, no holes, the buffer fully indexed.
        long next = 0;
        foreach (var t in tensors.OrderBy(t => t.GetProperty("begin").GetInt64()))
        {
            Assert.Equal(next, t.GetProperty("begin").GetInt64());
            next = t.GetProperty("end").GetInt64();
        }

        Assert.Equal(next, st.GetProperty("bufferLength").GetInt64());

        foreach (var t in tensors)
        {
            var name = t.GetProperty("name").GetString()!;
            var pair = PairOf(adapter, name);
            var (inF, outF) = Shape(pair.Target, config);
            var isA = name.EndsWith("lora_A.weight", StringComparison.Ordinal);
            Assert.Equal("F32", t.GetProperty("dtype").GetString());
            Assert.Equal(isA ? new long[] { Rank, inF } : [outF, Rank], t.GetProperty("shape").EnumerateArray().Select(d => d.GetInt64()).ToArray());
            var data = Floats(t.GetProperty("data"));
            if (isA)
                Assert.Equal(pair.A, data);
            else if (config.RopeStyle == RopeStyle.HalfSplit || pair.Target is not (LoraTarget.Query or LoraTarget.Key))
                Assert.Equal(pair.B, data); // already in HF's row order
            else
                Assert.Equal(pair.B, LlamaCppPermute(data, pair.Target == LoraTarget.Query ? config.Heads : config.KvHeads, Rank)); // held in llama.cpp's order
        }
    }

    private static void CheckPeftConfig(JsonElement peft, string baseModel)
    {
        Assert.Equal("LORA", peft.GetProperty("peft_type").GetString());
        Assert.Equal("CAUSAL_LM", peft.GetProperty("task_type").GetString());
        Assert.Equal(Rank, peft.GetProperty("r").GetInt32());
        var alpha = peft.GetProperty("lora_alpha");
        Assert.Equal(Alpha, alpha.GetInt32());
        Assert.DoesNotContain(".", alpha.GetRawText(), StringComparison.Ordinal); // Ollama reads lora_alpha into a Go uint32
        Assert.Equal(baseModel, peft.GetProperty("base_model_name_or_path").GetString());
        Assert.Equal(
            ["down_proj", "gate_proj", "k_proj", "o_proj", "q_proj", "up_proj", "v_proj"],
            peft.GetProperty("target_modules").EnumerateArray().Select(m => m.GetString()!).Order(StringComparer.Ordinal).ToArray());
        if (peft.TryGetProperty("use_rslora", out var rslora))
            Assert.False(rslora.GetBoolean());
    }

    /// <summary>
    /// llama.cpp's <c>LlamaModel.permute</c> on the rows of an [out, cols] matrix:
    /// <c>w.reshape(n_head, 2, out / n_head / 2, cols).swapaxes(1, 2).reshape(out, cols)</c>.
    /// </summary>
    private static float[] LlamaCppPermute(float[] w, int heads, int cols)
    {
        var rows = w.Length / cols;
        var half = rows / heads / 2;
        var result = new float[w.Length];
        var dst = 0;
        for (var h = 0; h < heads; h++)
        {
            for (var i = 0; i < half; i++)   // the swapped axes: (h, i, j) is read from source (h, j, i)
            {
                for (var j = 0; j < 2; j++)
                {
                    var srcRow = (((h * 2) + j) * half) + i;
                    Array.Copy(w, srcRow * cols, result, dst, cols);
                    dst += cols;
                }
            }
        }

        return result;
    }

    private static (long In, long Out) Shape(LoraTarget target, TransformerConfig c) => target switch
    {
        LoraTarget.Query => (c.Dim, c.Heads * c.HeadDim),
        LoraTarget.Key or LoraTarget.Value => (c.Dim, c.KvHeads * c.HeadDim),
        LoraTarget.Output => (c.Heads * c.HeadDim, c.Dim),
        LoraTarget.Gate or LoraTarget.Up => (c.Dim, c.HiddenDim),
        _ => (c.HiddenDim, c.Dim),
    };

    private static LoraMatrixPair PairOf(LoraAdapter adapter, string tensorName)
    {
        var layer = int.Parse(tensorName.Split('.').First(part => part.All(char.IsAsciiDigit)), System.Globalization.CultureInfo.InvariantCulture);
        var target = Names.Single(n => tensorName.Contains("." + n.Gguf + ".", StringComparison.Ordinal) || tensorName.Contains("." + n.Peft + ".", StringComparison.Ordinal)).Target;
        return adapter.Get(layer, target) ?? throw new InvalidOperationException($"no adapter pair for {tensorName}");
    }

    private static Dictionary<string, float[]> Tensors(JsonElement file) =>
        file.GetProperty("tensors").EnumerateArray().ToDictionary(t => t.GetProperty("name").GetString()!, t => Floats(t.GetProperty("data")));

    private static float[] Floats(JsonElement data)
    {
        Assert.Equal(JsonValueKind.Array, data.ValueKind);
        return [.. data.EnumerateArray().Select(v => (float)v.GetDouble())];
    }
}
