using System.Diagnostics;
using System.Globalization;
using Persona.Tensors.Formats;
using Persona.Tensors.Kernels;
using Persona.Tensors.Model;

// Usage: dotnet run -c Release --project bench/engine -- --preset stories260k|smol135 [--model PATH] [--seq 256]
//        [--decode-tokens 32] [--warmup 2] [--steps 5]
// Prints one JSON line: prefill (full forward with logits at every position, like torch_lora_ref.py
// --mode infer), KV-cached decode (like --mode decode), and decode by recomputing the whole sequence.
var options = args.Select((a, i) => (a, i)).Where(x => x.a.StartsWith("--", StringComparison.Ordinal))
    .ToDictionary(x => x.a[2..], x => x.i + 1 < args.Length ? args[x.i + 1] : "");
string Get(string key, string fallback) => options.TryGetValue(key, out var v) ? v : fallback;
int GetInt(string key, int fallback) => int.Parse(Get(key, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);

var preset = Get("preset", "stories260k");
var seq = GetInt("seq", 256);
var decodeTokens = GetInt("decode-tokens", 32);
var warmup = GetInt("warmup", 2);
var steps = GetInt("steps", 5);

Transformer model;
if (preset == "stories260k")
{
    var loaded = await CheckpointLoader.LoadAsync(Get("model", Path.Combine("..", "shared", "models", "stories260K", "stories260K.bin")));
    model = new Transformer(loaded.Config, loaded.Weights);
}
else if (preset == "smol135")
{
    var config = new TransformerConfig
    {
        Architecture = ModelArchitecture.Llama, Dim = 576, HiddenDim = 1536, Layers = 30, Heads = 9, KvHeads = 3, HeadDim = 64,
        VocabSize = 49152, MaxSequenceLength = 8192, RmsNormEps = 1e-5f, RopeTheta = 100000, RopeStyle = RopeStyle.HalfSplit, TiedEmbeddings = true,
    };
    model = new Transformer(config, Persona.Bench.RandomModel.Weights(config));
}
else
{
    throw new ArgumentException("--preset must be stories260k or smol135");
}

var random = new Random(1235);
var ids = Enumerable.Range(0, seq).Select(_ => random.Next(model.Config.VocabSize)).ToArray();

var prefill = Median(warmup, steps, () => model.Forward(ids, model.CreateCache(seq), allLogits: true));
var decode = Median(warmup, steps, () =>
{
    var cache = model.CreateCache(seq + decodeTokens);
    var logits = model.Forward(ids, cache);
    var clock = Stopwatch.StartNew();
    for (var j = 0; j < decodeTokens; j++)
        logits = model.Forward([ArgMax(logits)], cache);
    return clock.Elapsed.TotalSeconds;
});
var recomputeTokens = Math.Min(decodeTokens, 4);
var recompute = Median(0, 1, () =>
{
    var sequence = ids.ToList();
    var clock = Stopwatch.StartNew();
    for (var j = 0; j < recomputeTokens; j++)
        sequence.Add(ArgMax(model.Forward(sequence.ToArray(), model.CreateCache(sequence.Count))));
    return clock.Elapsed.TotalSeconds;
});

// the matrix-product kernel alone on SmolLM2's gate/up shape: (256, 576) · (1536, 576)ᵀ
var (mt, mk, mn) = (256, 576, 1536);
var mx = new float[mt * mk];
var mw = new float[mn * mk];
var my = new float[mt * mn];
for (var i = 0; i < mx.Length; i++)
    mx[i] = (float)random.NextDouble();
for (var i = 0; i < mw.Length; i++)
    mw[i] = (float)random.NextDouble();
var matmul = Median(2, 7, () =>
{
    FastKernels.Instance.MatMul(mx, mw, null, my, mt, mk, mn);
    return my;
});

var flops = 2.0 * seq * ParameterFlops(model.Config);
Console.WriteLine(string.Create(
    CultureInfo.InvariantCulture,
    $"{{\"engine\":\"persona\",\"preset\":\"{preset}\",\"seq\":{seq},\"threads\":{Environment.ProcessorCount},\"avx512\":{System.Runtime.Intrinsics.Vector512.IsHardwareAccelerated.ToString().ToLowerInvariant()},"
    + $"\"prefill_s_median\":{prefill:F4},\"prefill_tokens_per_s\":{seq / prefill:F1},\"prefill_approx_gflops\":{flops / prefill / 1e9:F1},"
    + $"\"matmul_gflops\":{2.0 * mt * mk * mn / matmul / 1e9:F1},\"decode_s_median\":{decode:F4},\"decode_tokens_per_s\":{decodeTokens / decode:F1},\"recompute_decode_tokens_per_s\":{recomputeTokens / recompute:F2}}}"));

static double Median(int warmup, int steps, Func<object> run)
{
    var times = new List<double>();
    for (var s = 0; s < warmup + steps; s++)
    {
        var clock = Stopwatch.StartNew();
        var result = run();
        var elapsed = result is double inner ? inner : clock.Elapsed.TotalSeconds;
        if (s >= warmup)
            times.Add(elapsed);
    }

    times.Sort();
    return times[times.Count / 2];
}

static int ArgMax(float[] logits)
{
    var best = 0;
    for (var i = 1; i < logits.Length; i++)
    {
        if (logits[i] > logits[best])
            best = i;
    }

    return best;
}

static double ParameterFlops(TransformerConfig c) =>
    ((double)c.Layers * ((2.0 * c.Dim * c.QDim) + (2.0 * c.Dim * c.KvDim) + (3.0 * c.Dim * c.HiddenDim))) + ((double)c.VocabSize * c.Dim);
