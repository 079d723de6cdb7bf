using System.Text;
using System.Text.Json;
using Persona.Tensors.Formats;
using Persona.Tensors.Kernels;
using Persona.Tensors.Model;

namespace Persona.Tensors.Training;

/// <summary>
/// Writes and reads trained adapters: a PEFT directory (adapter_config.json + adapter_model.safetensors, HF
/// row order) and a llama.cpp/Ollama GGUF LoRA adapter (for the llama architecture the q/k rows of B in the
/// interleaved RoPE order that llama.cpp's converter produces). The adapter itself is held in the engine's
/// layout of the loaded weights; conversion happens here, in both directions.
/// </summary>
public static class LoraExport
{
    public const string PeftConfigFile = "adapter_config.json";
    public const string PeftWeightsFile = "adapter_model.safetensors";

    public static string PeftTensorName(int layer, LoraTarget target, char matrix) =>
        $"base_model.model.model.layers.{layer}.{LoraTargets.PeftPath(target)}.lora_{matrix}.weight";

    public static string GgufTensorName(int layer, LoraTarget target, char matrix) =>
        $"blk.{layer}.{LoraTargets.GgufName(target)}.weight.lora_{char.ToLowerInvariant(matrix)}";

    public static async Task WritePeftAsync(string directory, LoraAdapter adapter, TransformerConfig config, string baseModel, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(adapter);
        ArgumentNullException.ThrowIfNull(config);
        Directory.CreateDirectory(directory);
        var tensors = new Dictionary<string, (float[], long[])>();
        foreach (var p in adapter.Pairs)
        {
            tensors[PeftTensorName(p.Layer, p.Target, 'A')] = (p.A, [p.Rank, p.In]);
            tensors[PeftTensorName(p.Layer, p.Target, 'B')] = (ToLayout(p, config, config.RopeStyle, RopeStyle.HalfSplit), [p.Out, p.Rank]);
        }

        await SafetensorsWriter.WriteAsync(Path.Combine(directory, PeftWeightsFile), tensors, new Dictionary<string, string> { ["format"] = "pt" }, cancellationToken);
        var peft = new PeftAdapterConfig
        {
            BaseModelNameOrPath = baseModel,
            R = adapter.Options.Rank,
            LoraAlpha = adapter.Options.Alpha,
            LoraDropout = adapter.Options.Dropout,
            TargetModules = [.. adapter.Options.Targets.OrderBy(t => t).Select(LoraTargets.PeftName)],
        };
        await WriteAtomicAsync(Path.Combine(directory, PeftConfigFile), JsonSerializer.SerializeToUtf8Bytes(peft, TrainingJsonContext.Default.PeftAdapterConfig), cancellationToken);
    }

    /// <summary>Reads a PEFT directory back into the engine's layout for <paramref name="config"/>.</summary>
    public static async Task<LoraAdapter> ReadPeftAsync(string directory, TransformerConfig config, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(config);
        var configPath = Path.Combine(directory, PeftConfigFile);
        PeftAdapterConfig peft;
        try
        {
            await using var stream = File.OpenRead(configPath);
            peft = await JsonSerializer.DeserializeAsync(stream, TrainingJsonContext.Default.PeftAdapterConfig, cancellationToken)
                ?? throw new InvalidDataException($"{configPath}: empty");
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{configPath}: line {ex.LineNumber}: {ex.Message}", ex);
        }

        var targets = peft.TargetModules.Select(m => LoraTargets.Parse(m) ?? throw new InvalidDataException($"{configPath}: unsupported target module '{m}'")).ToList();
        var options = new LoraOptions { Rank = peft.R, Alpha = peft.LoraAlpha, Dropout = peft.LoraDropout, Targets = targets };
        var pairs = new List<LoraMatrixPair>();
        using var file = SafetensorsFile.Open(Path.Combine(directory, PeftWeightsFile));
        for (var l = 0; l < config.Layers; l++)
        {
            foreach (var target in targets.OrderBy(t => t))
            {
                var (inF, outF) = LoraTargets.Shape(target, config);
                var pair = new LoraMatrixPair(l, target, options.Rank, inF, outF);
                file.Read(PeftTensorName(l, target, 'A'), pair.A.Length).CopyTo(pair.A, 0);
                file.Read(PeftTensorName(l, target, 'B'), pair.B.Length).CopyTo(pair.B, 0);
                ToLayout(pair, config, RopeStyle.HalfSplit, config.RopeStyle).CopyTo(pair.B, 0);
                pairs.Add(pair);
            }
        }

        return new LoraAdapter(options, config.Layers, pairs);
    }

    /// <summary>The GGUF architecture name llama.cpp uses for this model family.</summary>
    public static string GgufArchitecture(TransformerConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return config.Architecture == ModelArchitecture.Qwen2 ? "qwen2" : "llama";
    }

    // llama-architecture GGUF files hold q/k rows in the interleaved order; qwen2 keeps the HF order.
    private static RopeStyle GgufRowOrder(TransformerConfig config) =>
        config.Architecture == ModelArchitecture.Llama ? RopeStyle.Interleaved : RopeStyle.HalfSplit;

    public static async Task WriteGgufAsync(string path, LoraAdapter adapter, TransformerConfig config, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(adapter);
        ArgumentNullException.ThrowIfNull(config);
        const int Alignment = 32;
        var tensors = new List<(string Name, long[] Dims, float[] Data)>();
        foreach (var p in adapter.Pairs)
        {
            tensors.Add((GgufTensorName(p.Layer, p.Target, 'a'), [p.In, p.Rank], p.A));                 // ggml ne = [in, r]
            tensors.Add((GgufTensorName(p.Layer, p.Target, 'b'), [p.Rank, p.Out], ToLayout(p, config, config.RopeStyle, GgufRowOrder(config)))); // ne = [r, out]
        }

        using var buffer = new MemoryStream();
        using (var w = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
        {
            void Str(string s)
            {
                var bytes = Encoding.UTF8.GetBytes(s);
                w.Write((ulong)bytes.Length);
                w.Write(bytes);
            }

            w.Write("GGUF"u8);
            w.Write(3u);
            w.Write((ulong)tensors.Count);
            w.Write(4UL);
            Str("general.architecture");
            w.Write(8u);
            Str(GgufArchitecture(config));
            Str("general.type");
            w.Write(8u);
            Str("adapter");
            Str("adapter.type");
            w.Write(8u);
            Str("lora");
            Str("adapter.lora.alpha");
            w.Write(6u);
            w.Write((float)adapter.Options.Alpha);
            long offset = 0;
            foreach (var (name, dims, data) in tensors)
            {
                Str(name);
                w.Write((uint)dims.Length);
                foreach (var dim in dims)
                    w.Write((ulong)dim);
                w.Write(0u); // GGML_TYPE_F32
                w.Write((ulong)offset);
                offset += Align(4L * data.Length, Alignment);
            }

            w.Write(new byte[Align(buffer.Length, Alignment) - buffer.Length]);
            foreach (var (_, _, data) in tensors)
            {
                var bytes = new byte[4L * data.Length];
                Buffer.BlockCopy(data, 0, bytes, 0, bytes.Length);
                w.Write(bytes);
                w.Write(new byte[Align(bytes.Length, Alignment) - bytes.Length]);
            }
        }

        await WriteAtomicAsync(path, buffer.ToArray(), cancellationToken);
    }

    /// <summary>Reads a GGUF LoRA adapter back into the engine's layout, checking its KV pairs against the model.</summary>
    public static LoraAdapter ReadGguf(string path, TransformerConfig config)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(config);
        using var file = GgufFile.Open(path);
        if (file.String("general.type") != "adapter" || file.String("adapter.type") != "lora")
            throw new InvalidDataException($"{path}: not a LoRA adapter (general.type '{file.String("general.type")}', adapter.type '{file.String("adapter.type")}')");
        if (file.String("general.architecture") != GgufArchitecture(config))
            throw new InvalidDataException($"{path}: adapter architecture '{file.String("general.architecture")}' does not match the model's '{GgufArchitecture(config)}'");
        var alpha = file.Real("adapter.lora.alpha") ?? throw new InvalidDataException($"{path}: adapter.lora.alpha is missing");
        var pairs = new List<LoraMatrixPair>();
        var targets = new HashSet<LoraTarget>();
        var rank = 0;
        for (var l = 0; l < config.Layers; l++)
        {
            foreach (var target in LoraTargets.All)
            {
                var nameA = GgufTensorName(l, target, 'a');
                if (!file.Tensors.TryGetValue(nameA, out var info))
                    continue;
                rank = (int)info.Shape[1]; // ggml order: ne = [in, r]
                var (inF, outF) = LoraTargets.Shape(target, config);
                var pair = new LoraMatrixPair(l, target, rank, inF, outF);
                file.ReadTensor(nameA, pair.A.Length).CopyTo(pair.A, 0);
                file.ReadTensor(GgufTensorName(l, target, 'b'), pair.B.Length).CopyTo(pair.B, 0);
                ToLayout(pair, config, GgufRowOrder(config), config.RopeStyle).CopyTo(pair.B, 0);
                pairs.Add(pair);
                targets.Add(target);
            }
        }

        if (pairs.Count == 0)
            throw new InvalidDataException($"{path}: no LoRA tensors for this model");
        var options = new LoraOptions { Rank = rank, Alpha = (int)Math.Round(alpha), Targets = [.. targets.OrderBy(t => t)] };
        return new LoraAdapter(options, config.Layers, pairs);
    }

    // B's rows of a q/k projection converted between RoPE row orders (per head: interleaved row 2i+j ↔ half-split row j·hd/2+i).
    private static float[] ToLayout(LoraMatrixPair pair, TransformerConfig config, RopeStyle from, RopeStyle to)
    {
        if (from == to || pair.Target is not (LoraTarget.Query or LoraTarget.Key))
            return (float[])pair.B.Clone();
        var heads = pair.Target == LoraTarget.Query ? config.Heads : config.KvHeads;
        var hd = config.HeadDim;
        var half = hd / 2;
        var result = new float[pair.B.Length];
        for (var h = 0; h < heads; h++)
        {
            for (var i = 0; i < half; i++)
            {
                for (var j = 0; j < 2; j++)
                {
                    var interleaved = (h * hd) + (2 * i) + j;
                    var halfSplit = (h * hd) + (j * half) + i;
                    var (src, dst) = from == RopeStyle.Interleaved ? (interleaved, halfSplit) : (halfSplit, interleaved);
                    Array.Copy(pair.B, src * pair.Rank, result, dst * pair.Rank, pair.Rank);
                }
            }
        }

        return result;
    }

    private static long Align(long value, int alignment) => (value + alignment - 1) / alignment * alignment;

    private static async Task WriteAtomicAsync(string path, byte[] bytes, CancellationToken cancellationToken)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temp = full + "." + Guid.NewGuid().ToString("N") + ".tmp";
        try
        {
            await File.WriteAllBytesAsync(temp, bytes, cancellationToken);
            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp))
                File.Delete(temp);
        }
    }
}
