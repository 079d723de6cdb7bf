using System.Numerics.Tensors;
using Persona.Tensors.Kernels;
using Persona.Tensors.Model;

namespace Persona.Tensors.Training;

/// <summary>
/// A frozen decoder with a <see cref="LoraAdapter"/> attached: a whole-sequence forward pass that keeps every
/// activation it needs, and the backward pass down to the LoRA matrices. Loss is next-token cross-entropy on
/// the positions whose target token is marked (assistant tokens), summed; the caller scales it.
/// Frozen matrices are transposed once (lazily) so input gradients run on the same matrix kernel as the forward.
/// </summary>
public sealed class LoraNetwork
{
    private readonly TransformerConfig _config;
    private readonly TransformerWeights _weights;
    private readonly RopeTable _rope;
    private readonly Lazy<float[][][]> _transposed;
    private readonly Lazy<float[]> _outputTransposed;
    private readonly Dictionary<LoraMatrixPair, int> _pairIndex;
    private readonly int _lowestAdaptedLayer;

    public LoraNetwork(TransformerConfig config, TransformerWeights weights, LoraAdapter adapter)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(adapter);
        var problems = config.Problems().Concat(weights.Problems(config)).ToList();
        foreach (var pair in adapter.Pairs)
        {
            var (inF, outF) = LoraTargets.Shape(pair.Target, config);
            if (pair.Layer >= config.Layers || pair.In != inF || pair.Out != outF)
                problems.Add($"adapter matrix layer {pair.Layer} {LoraTargets.PeftName(pair.Target)} ({pair.Out}×{pair.In}) does not fit the model");
        }

        if (problems.Count > 0)
            throw new ArgumentException("invalid model or adapter: " + string.Join("; ", problems), nameof(adapter));
        _config = config;
        _weights = weights;
        Adapter = adapter;
        _rope = new RopeTable(RopeTable.InverseFrequencies(config.HeadDim, config.RopeTheta, config.RopeScaling), config.RopeStyle);
        _pairIndex = adapter.Pairs.Select((p, i) => (p, i)).ToDictionary(x => x.p, x => x.i);
        _lowestAdaptedLayer = adapter.Pairs.Count == 0 ? config.Layers : adapter.Pairs.Min(p => p.Layer);
        _transposed = new Lazy<float[][][]>(TransposeLayers);
        _outputTransposed = new Lazy<float[]>(() => BackwardKernels.Transpose(_weights.Output, _config.VocabSize, _config.Dim));
    }

    public LoraAdapter Adapter { get; }

    public TransformerConfig Config => _config;

    /// <summary>Logits (t, V) for every position of <paramref name="ids"/> (no dropout).</summary>
    public float[] Logits(ReadOnlySpan<int> ids)
    {
        _ = Forward(ids, null, out var x);
        var t = ids.Length;
        var d = _config.Dim;
        var normed = new float[t * d];
        FastKernels.Instance.RmsNorm(x, _weights.FinalNorm, _config.RmsNormEps, normed, t, d);
        var logits = new float[t * _config.VocabSize];
        BackwardKernels.Linear(normed, _weights.Output, null, logits, t, d, _config.VocabSize);
        return logits;
    }

    /// <summary>Summed loss over the marked targets, forward only (validation, finite differences).</summary>
    public LossResult Loss(ReadOnlySpan<int> ids, ReadOnlySpan<bool> targets) => Run(ids, targets, 0f, null, null);

    /// <summary>
    /// Forward and backward: adds <paramref name="weight"/> × d(summed loss)/d(LoRA) into <paramref name="gradients"/>.
    /// <paramref name="dropout"/> draws the adapter-input dropout masks (null: no dropout).
    /// </summary>
    public LossResult ForwardBackward(ReadOnlySpan<int> ids, ReadOnlySpan<bool> targets, float weight, LoraGradients gradients, TrainingRandom? dropout)
    {
        ArgumentNullException.ThrowIfNull(gradients);
        return Run(ids, targets, weight, gradients, dropout);
    }

    private LossResult Run(ReadOnlySpan<int> ids, ReadOnlySpan<bool> targets, float weight, LoraGradients? gradients, TrainingRandom? dropout)
    {
        if (targets.Length != ids.Length)
            throw new ArgumentException($"{targets.Length} target flags for {ids.Length} tokens", nameof(targets));
        var t = ids.Length;
        int d = _config.Dim, vocab = _config.VocabSize;
        var rows = new List<int>();
        for (var i = 1; i < t; i++)
        {
            if (targets[i])
                rows.Add(i - 1); // position i-1 predicts token i
        }

        if (rows.Count == 0)
            return new LossResult(0, 0);
        var tapes = Forward(ids, gradients is null ? null : dropout, out var x);
        var m = rows.Count;
        var selected = new float[m * d];
        for (var r = 0; r < m; r++)
            Array.Copy(x, rows[r] * d, selected, r * d, d);
        var normed = new float[m * d];
        FastKernels.Instance.RmsNorm(selected, _weights.FinalNorm, _config.RmsNormEps, normed, m, d);
        var logits = new float[m * vocab];
        BackwardKernels.Linear(normed, _weights.Output, null, logits, m, d, vocab);
        var losses = new double[m];
        var targetIds = new int[m];
        for (var r = 0; r < m; r++)
            targetIds[r] = ids[rows[r] + 1];
        Parallel.For(0, m, r =>
        {
            var row = logits.AsSpan(r * vocab, vocab);
            losses[r] = BackwardKernels.CrossEntropy(row, targetIds[r], gradients is null ? Span<float>.Empty : row, weight);
        });
        var result = new LossResult(losses.Sum(), m);
        if (gradients is null)
            return result;

        // logits already hold dlogits; back through the output projection and the final norm
        var dNormed = new float[m * d];
        BackwardKernels.LinearInputGrad(logits, _outputTransposed.Value, dNormed, m, vocab, d, false);
        var dSelected = new float[m * d];
        BackwardKernels.RmsNormBackward(selected, _weights.FinalNorm, _config.RmsNormEps, dNormed, dSelected, m, d, false);
        var dx = new float[t * d];
        for (var r = 0; r < m; r++)
            Array.Copy(dSelected, r * d, dx, rows[r] * d, d);
        Backward(tapes, dx, t, gradients);
        return result;
    }

    private LayerTape[] Forward(ReadOnlySpan<int> ids, TrainingRandom? dropout, out float[] x)
    {
        var c = _config;
        var t = ids.Length;
        ArgumentOutOfRangeException.ThrowIfZero(t);
        if (t > c.MaxSequenceLength)
            throw new ArgumentException($"{t} tokens exceed the model's maximum sequence length {c.MaxSequenceLength}", nameof(ids));
        int d = c.Dim, qd = c.QDim, kvd = c.KvDim, hidden = c.HiddenDim;
        x = new float[t * d];
        for (var i = 0; i < t; i++)
        {
            if ((uint)ids[i] >= (uint)c.VocabSize)
                throw new ArgumentOutOfRangeException(nameof(ids), $"token id {ids[i]} at index {i} is outside the vocabulary [0, {c.VocabSize})");
            Array.Copy(_weights.TokenEmbedding, (long)ids[i] * d, x, (long)i * d, d);
        }

        var positions = Enumerable.Range(0, t).ToArray();
        var tapes = new LayerTape[c.Layers];
        var proj = new float[t * d];
        for (var l = 0; l < c.Layers; l++)
        {
            var w = _weights.Layers[l];
            var tape = new LayerTape
            {
                Input = (float[])x.Clone(),
                AttentionInput = new float[t * d],
                Q = new float[t * qd],
                K = new float[t * kvd],
                V = new float[t * kvd],
                Probs = new float[c.Heads * t * t],
                Attention = new float[t * qd],
                FfnInput = new float[t * d],
                Gate = new float[t * hidden],
                Up = new float[t * hidden],
                Hidden = new float[t * hidden],
            };
            tapes[l] = tape;
            FastKernels.Instance.RmsNorm(x, w.AttentionNorm, c.RmsNormEps, tape.AttentionInput, t, d);
            Project(l, LoraTarget.Query, tape.AttentionInput, w.Wq, w.Bq, tape.Q, t, tape, dropout);
            Project(l, LoraTarget.Key, tape.AttentionInput, w.Wk, w.Bk, tape.K, t, tape, dropout);
            Project(l, LoraTarget.Value, tape.AttentionInput, w.Wv, w.Bv, tape.V, t, tape, dropout);
            BackwardKernels.Rope(tape.Q, t, c.Heads, c.HeadDim, positions, _rope, inverse: false);
            BackwardKernels.Rope(tape.K, t, c.KvHeads, c.HeadDim, positions, _rope, inverse: false);
            BackwardKernels.AttentionForward(tape.Q, tape.K, tape.V, tape.Attention, tape.Probs, t, c.Heads, c.KvHeads, c.HeadDim);
            Project(l, LoraTarget.Output, tape.Attention, w.Wo, null, proj, t, tape, dropout);
            TensorPrimitives.Add(x, proj, x);
            tape.Middle = (float[])x.Clone();
            FastKernels.Instance.RmsNorm(x, w.FfnNorm, c.RmsNormEps, tape.FfnInput, t, d);
            Project(l, LoraTarget.Gate, tape.FfnInput, w.Gate, null, tape.Gate, t, tape, dropout);
            Project(l, LoraTarget.Up, tape.FfnInput, w.Up, null, tape.Up, t, tape, dropout);
            BackwardKernels.SwiGluForward(tape.Gate, tape.Up, tape.Hidden, t * hidden);
            Project(l, LoraTarget.Down, tape.Hidden, w.Down, null, proj, t, tape, dropout);
            TensorPrimitives.Add(x, proj, x);
        }

        return tapes;
    }

    private void Backward(LayerTape[] tapes, float[] dx, int t, LoraGradients gradients)
    {
        var c = _config;
        int d = c.Dim, qd = c.QDim, kvd = c.KvDim, hidden = c.HiddenDim;
        var transposed = _transposed.Value;
        var positions = Enumerable.Range(0, t).ToArray();
        var dHidden = new float[t * hidden];
        var dGate = new float[t * hidden];
        var dUp = new float[t * hidden];
        var dNorm = new float[t * d];
        var dAtt = new float[t * qd];
        var dq = new float[t * qd];
        var dk = new float[t * kvd];
        var dv = new float[t * kvd];
        for (var l = c.Layers - 1; l >= _lowestAdaptedLayer; l--)
        {
            var w = _weights.Layers[l];
            var wt = transposed[l];
            var tape = tapes[l];

            // MLP: x_out = middle + down(swiglu(gate(n), up(n))), n = rmsnorm(middle)
            ProjectBackward(l, LoraTarget.Down, dx, tape.Hidden, wt[(int)LoraTarget.Down], dHidden, t, false, tape, gradients);
            BackwardKernels.SwiGluBackward(tape.Gate, tape.Up, dHidden, dGate, dUp, t * hidden);
            ProjectBackward(l, LoraTarget.Gate, dGate, tape.FfnInput, wt[(int)LoraTarget.Gate], dNorm, t, false, tape, gradients);
            ProjectBackward(l, LoraTarget.Up, dUp, tape.FfnInput, wt[(int)LoraTarget.Up], dNorm, t, true, tape, gradients);
            BackwardKernels.RmsNormBackward(tape.Middle!, w.FfnNorm, c.RmsNormEps, dNorm, dx, t, d, accumulate: true);

            // attention: middle = input + o(attn(rope(q(n)), rope(k(n)), v(n))), n = rmsnorm(input)
            ProjectBackward(l, LoraTarget.Output, dx, tape.Attention, wt[(int)LoraTarget.Output], dAtt, t, false, tape, gradients);
            BackwardKernels.AttentionBackward(dAtt, tape.Q, tape.K, tape.V, tape.Probs, dq, dk, dv, t, c.Heads, c.KvHeads, c.HeadDim);
            BackwardKernels.Rope(dq, t, c.Heads, c.HeadDim, positions, _rope, inverse: true);
            BackwardKernels.Rope(dk, t, c.KvHeads, c.HeadDim, positions, _rope, inverse: true);
            ProjectBackward(l, LoraTarget.Query, dq, tape.AttentionInput, wt[(int)LoraTarget.Query], dNorm, t, false, tape, gradients);
            ProjectBackward(l, LoraTarget.Key, dk, tape.AttentionInput, wt[(int)LoraTarget.Key], dNorm, t, true, tape, gradients);
            ProjectBackward(l, LoraTarget.Value, dv, tape.AttentionInput, wt[(int)LoraTarget.Value], dNorm, t, true, tape, gradients);
            BackwardKernels.RmsNormBackward(tape.Input, w.AttentionNorm, c.RmsNormEps, dNorm, dx, t, d, accumulate: true);
        }
    }

    // y = x·Wᵀ (+b) + scaling·(drop(x)·Aᵀ)·Bᵀ; keeps drop(x) and u = drop(x)·Aᵀ for the backward pass.
    private void Project(int layer, LoraTarget target, float[] x, float[] w, float[]? bias, float[] y, int t, LayerTape tape, TrainingRandom? dropout)
    {
        var (inF, outF) = LoraTargets.Shape(target, _config);
        BackwardKernels.Linear(x, w, bias, y, t, inF, outF);
        var pair = Adapter.Get(layer, target);
        if (pair is null)
            return;
        var r = pair.Rank;
        var xd = x;
        var p = Adapter.Options.Dropout;
        if (dropout is not null && p > 0)
        {
            var keep = new float[t * inF];
            var scale = 1f / (1f - p);
            xd = new float[t * inF];
            for (var i = 0; i < xd.Length; i++)
            {
                keep[i] = dropout.NextSingle() < p ? 0f : scale;
                xd[i] = x[i] * keep[i];
            }

            tape.DropoutScale[target] = keep;
        }

        var u = new float[t * r];
        BackwardKernels.Linear(xd, pair.A, null, u, t, inF, r);
        var delta = new float[t * outF];
        BackwardKernels.Linear(u, pair.B, null, delta, t, r, outF);
        TensorPrimitives.MultiplyAdd(delta, Adapter.Scaling, y.AsSpan(0, t * outF), y.AsSpan(0, t * outF));
        tape.LoraInput[target] = xd;
        tape.LoraHidden[target] = u;
    }

    private void ProjectBackward(int layer, LoraTarget target, float[] dy, float[] x, float[] wT, float[] dx, int t, bool accumulate, LayerTape tape, LoraGradients gradients)
    {
        _ = x;
        var (inF, outF) = LoraTargets.Shape(target, _config);
        BackwardKernels.LinearInputGrad(dy, wT, dx, t, outF, inF, accumulate);
        var pair = Adapter.Get(layer, target);
        if (pair is null)
            return;
        var index = _pairIndex[pair];
        var r = pair.Rank;
        var s = Adapter.Scaling;
        var u = tape.LoraHidden[target];
        var xd = tape.LoraInput[target];

        // dB (out, r) += s·dyᵀ·u
        BackwardKernels.LinearWeightGrad(dy, u, gradients.GradB[index], t, outF, r, s);

        // du (t, r) = s·dy·B
        var du = new float[t * r];
        BackwardKernels.Linear(dy, BackwardKernels.Transpose(pair.B, outF, r), null, du, t, outF, r);
        TensorPrimitives.Multiply(du, s, du);

        // dA (r, in) += duᵀ·drop(x)
        BackwardKernels.LinearWeightGrad(du, xd, gradients.GradA[index], t, r, inF, 1f);

        // dx += drop'(du·A)
        var dxd = new float[t * inF];
        BackwardKernels.Linear(du, BackwardKernels.Transpose(pair.A, r, inF), null, dxd, t, r, inF);
        if (tape.DropoutScale.TryGetValue(target, out var keep))
            TensorPrimitives.Multiply(dxd, keep, dxd);
        TensorPrimitives.Add(dx.AsSpan(0, t * inF), dxd, dx.AsSpan(0, t * inF));
    }

    private float[][][] TransposeLayers()
    {
        var result = new float[_config.Layers][][];
        for (var l = 0; l < _config.Layers; l++)
        {
            if (l < _lowestAdaptedLayer)
                continue;
            var w = _weights.Layers[l];
            result[l] = new float[LoraTargets.All.Count][];
            foreach (var target in LoraTargets.All)
            {
                var (inF, outF) = LoraTargets.Shape(target, _config);
                result[l][(int)target] = BackwardKernels.Transpose(LoraTargets.BaseWeight(target, w), outF, inF);
            }
        }

        return result;
    }

    private sealed class LayerTape
    {
        public required float[] Input { get; init; }

        public required float[] AttentionInput { get; init; }

        public required float[] Q { get; init; }

        public required float[] K { get; init; }

        public required float[] V { get; init; }

        public required float[] Probs { get; init; }

        public required float[] Attention { get; init; }

        public float[]? Middle { get; set; }

        public required float[] FfnInput { get; init; }

        public required float[] Gate { get; init; }

        public required float[] Up { get; init; }

        public required float[] Hidden { get; init; }

        public Dictionary<LoraTarget, float[]> LoraInput { get; } = [];

        public Dictionary<LoraTarget, float[]> LoraHidden { get; } = [];

        public Dictionary<LoraTarget, float[]> DropoutScale { get; } = [];
    }
}
