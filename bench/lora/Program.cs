using System.Diagnostics;
using System.Globalization;
using Persona.Tensors.Kernels;
using Persona.Tensors.Model;
using Persona.Tensors.Training;

// Usage: dotnet bench/lora/bin/Release/net10.0/LoraBench.dll [--batch 1] [--seq 256] [--warmup 1] [--steps 3]
//        [--rank 16] [--alpha 32] [--breakdown yes]
// One optimizer step as torch_lora_ref.py --mode train does it: zero the gradients, forward + backward over
// `batch` random sequences of seq+1 tokens (seq predicted tokens each, loss = mean cross-entropy over all
// batch·seq of them), then AdamW (lr 2e-4, no weight decay, no clipping). Random-weight SmolLM2-135M shape,
// LoRA on q and v. Prints one JSON line: tokens/s, median step time, peak RSS.
var options = args.Select((a, i) => (a, i)).Where(x => x.a.StartsWith("--", StringComparison.Ordinal))
    .ToDictionary(x => x.a[2..], x => x.i + 1 < args.Length ? args[x.i + 1] : "");
string Get(string key, string fallback) => options.TryGetValue(key, out var v) ? v : fallback;
int GetInt(string key, int fallback) => int.Parse(Get(key, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);

var batch = GetInt("batch", 1);
var seq = GetInt("seq", 256);
var warmup = GetInt("warmup", 1);
var steps = GetInt("steps", 3);
var breakdown = Get("breakdown", "no") == "yes";
var rssStart = PeakRssMiB();

var buildClock = Stopwatch.StartNew();
var config = new TransformerConfig
{
    Architecture = ModelArchitecture.Llama, Dim = 576, HiddenDim = 1536, Layers = 30, Heads = 9, KvHeads = 3, HeadDim = 64,
    VocabSize = 49152, MaxSequenceLength = 8192, RmsNormEps = 1e-5f, RopeTheta = 100000, RopeStyle = RopeStyle.HalfSplit, TiedEmbeddings = true,
};
var weights = Persona.Bench.RandomModel.Weights(config);
var lora = new LoraOptions { Rank = GetInt("rank", 16), Alpha = GetInt("alpha", 32), Targets = [LoraTarget.Query, LoraTarget.Value] };
var adapter = LoraAdapter.Create(config, lora, new TrainingRandom(1234));
var network = new LoraNetwork(config, weights, adapter);
var optimizer = new AdamW(adapter, weightDecay: 0f);
var gradients = new LoraGradients(adapter);
var buildSeconds = buildClock.Elapsed.TotalSeconds;

var random = new Random(1235);
var sequences = Enumerable.Range(0, batch).Select(_ => Enumerable.Range(0, seq + 1).Select(_ => random.Next(config.VocabSize)).ToArray()).ToArray();
var targets = Enumerable.Repeat(true, seq + 1).ToArray(); // every position after the first is a label: seq targets
var weight = 1f / (batch * seq);

var times = new List<double>();
var losses = new List<double>();
for (var s = 0; s < warmup + steps; s++)
{
    var clock = Stopwatch.StartNew();
    gradients.Clear();
    double lossSum = 0;
    foreach (var ids in sequences)
        lossSum += network.ForwardBackward(ids, targets, weight, gradients, null).Sum;
    optimizer.Update(gradients, 2e-4f);
    var elapsed = clock.Elapsed.TotalSeconds;
    losses.Add(lossSum / (batch * seq));
    if (s >= warmup)
        times.Add(elapsed);
}

// Optional split of one sequence's step: forward + loss alone vs forward + backward.
string split = "";
if (breakdown)
{
    var forward = Median(() => network.Loss(sequences[0], targets));
    var both = Median(() => network.ForwardBackward(sequences[0], targets, weight, gradients, null));
    var update = Median(() => optimizer.Update(gradients, 0f));
    split = string.Create(CultureInfo.InvariantCulture, $",\"forward_loss_s\":{forward:F4},\"forward_backward_s\":{both:F4},\"backward_s\":{both - forward:F4},\"adamw_s\":{update:F5}");

    // The matrix products alone, as the trainer calls them, on the step's main shapes (t = seq + 1 rows), in GFLOP/s:
    // forward products against prepacked frozen weights, input gradients against the weights as stored.
    var t = seq + 1;
    foreach (var (name, k, n, gradient) in new[]
    {
        ("qkvo_576x576", 576, 576, false), ("gate_up_576x1536", 576, 1536, false), ("down_1536x576", 1536, 576, false),
        ("lm_head_576x49152", 576, 49152, false), ("input_grad_576x1536", 1536, 576, true), ("lm_head_grad_49152x576", 49152, 576, true),
    })
    {
        var mx = new float[t * k];
        var mw = new float[(long)n * k];
        var my = new float[t * n];
        for (var i = 0; i < mx.Length; i++)
            mx[i] = random.NextSingle();
        for (var i = 0; i < mw.Length; i++)
            mw[i] = random.NextSingle();
        var packed = gradient ? null : Persona.Tensors.Kernels.PackedMatrix.FromRows(mw, n, k);
        var seconds = Median(() =>
        {
            if (packed is null)
                Persona.Tensors.Kernels.Gemm.Multiply(mx, mw, my, t, k, n, accumulate: false); // dx = dy · W, W stored (k, n) here
            else
                Persona.Tensors.Kernels.Gemm.MultiplyTransposed(mx, packed, my, t, accumulate: false);
        });
        split += string.Create(CultureInfo.InvariantCulture, $",\"gflops_{name}\":{2.0 * t * k * n / seconds / 1e9:F1}");
    }
}

times.Sort();
var median = times[times.Count / 2];
var tokens = batch * seq;
Console.WriteLine(string.Create(
    CultureInfo.InvariantCulture,
    $"{{\"engine\":\"persona\",\"preset\":\"smol135\",\"mode\":\"train\",\"batch\":{batch},\"seq\":{seq},\"threads\":{Environment.ProcessorCount},"
    + $"\"avx512\":{System.Runtime.Intrinsics.Vector512.IsHardwareAccelerated.ToString().ToLowerInvariant()},\"params_lora\":{adapter.ParameterCount},"
    + $"\"warmup\":{warmup},\"steps\":{steps},\"step_s_median\":{median:F4},\"step_s_min\":{times[0]:F4},\"step_s_max\":{times[^1]:F4},"
    + $"\"tokens_per_s\":{tokens / median:F1},\"build_s\":{buildSeconds:F2},\"rss_start_MiB\":{rssStart:F0},\"peak_rss_MiB\":{PeakRssMiB():F0},\"gc_gen2\":{GC.CollectionCount(2)},\"gc_gen0\":{GC.CollectionCount(0)},"
    + $"\"losses\":[{string.Join(",", losses.Take(3).Select(l => l.ToString("F4", CultureInfo.InvariantCulture)))}]{split}}}"));

double Median(Action run)
{
    var runs = new List<double>();
    for (var i = 0; i < Math.Max(1, steps); i++)
    {
        var clock = Stopwatch.StartNew();
        run();
        runs.Add(clock.Elapsed.TotalSeconds);
    }

    runs.Sort();
    return runs[runs.Count / 2];
}

// VmHWM: the resident-set high-water mark, the figure ru_maxrss gives the Python script.
static double PeakRssMiB()
{
    foreach (var line in File.ReadLines("/proc/self/status"))
    {
        if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            return double.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) / 1024.0;
    }

    return double.NaN;
}
