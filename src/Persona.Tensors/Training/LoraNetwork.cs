using System.Numerics.Tensors;
using Persona.Tensors.Kernels;
using Persona.Tensors.Model;

namespace Persona.Tensors.Training;

/// <summary>
/// A frozen decoder with a <see cref="LoraAdapter"/> attached: a whole-sequence forward pass that keeps every
/// activation it needs, and the backward pass down to the LoRA matrices. Loss is next-token cross-entropy on
/// the positions whose target token is marked (assistant tokens), summed; the caller scales it.
/// Frozen matrices are packed once (lazily) into the matrix kernel's panel order for the forward products; input
/// gradients read them as stored. Activations live in a workspace sized for the longest sequence seen so far and
/// reused by every later call, so a training step allocates almost nothing. Not safe for concurrent calls.
/// </summary>
public sealed class LoraNetwork
{
    private readonly TransformerConfig _config;
    private readonly TransformerWeights _weights;
    private readonly RopeTable _rope;
    private readonly Lazy<PackedMatrix[][]> _packed;
    private readonly Lazy<PackedMatrix> _outputPacked;
    private readonly Dictionary<LoraMatrixPair, int> _pairIndex;
    private readonly int _lowestAdaptedLayer;
    private Workspace? _workspace;

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
        _packed = new Lazy<PackedMatrix[][]>(PackLayers);
        _outputPacked = new Lazy<PackedMatrix>(() => PackedMatrix.FromRows(_weights.Output, _config.VocabSize, _config.Dim));
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
        BackwardKernels.Linear(normed, _outputPacked.Value, null, logits, t);
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
        var ws = _workspace!;
        var selected = ws.Selected;
        for (var r = 0; r < m; r++)
            Array.Copy(x, rows[r] * d, selected, r * d, d);
        var normed = ws.Normed;
        FastKernels.Instance.RmsNorm(selected, _weights.FinalNorm, _config.RmsNormEps, normed, m, d);
        var logits = ws.LogitsFor(m);
        BackwardKernels.Linear(normed, _outputPacked.Value, null, logits, m);
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
        var dNormed = ws.DNormed;
        BackwardKernels.LinearInputGrad(logits, _weights.Output, dNormed, m, vocab, d, false);
        var dSelected = ws.DSelected;
        BackwardKernels.RmsNormBackward(selected, _weights.FinalNorm, _config.RmsNormEps, dNormed, dSelected, m, d, false);
        var dx = ws.DX;
        Array.Clear(dx, 0, t * d);
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
        var d = c.Dim;
        if (_workspace is null || _workspace.Capacity < t)
        {
            _workspace = null; // the old one is garbage before the new one is made
            _workspace = new Workspace(c, Math.Min(c.MaxSequenceLength, (t + 31) / 32 * 32));
        }

        var ws = _workspace;
        x = ws.X;
        for (var i = 0; i < t; i++)
        {
            if ((uint)ids[i] >= (uint)c.VocabSize)
                throw new ArgumentOutOfRangeException(nameof(ids), $"token id {ids[i]} at index {i} is outside the vocabulary [0, {c.VocabSize})");
            Array.Copy(_weights.TokenEmbedding, (long)ids[i] * d, x, (long)i * d, d);
        }

        var positions = Enumerable.Range(0, t).ToArray();
        var tapes = ws.Tapes;
        var proj = ws.Projection;
        var td = t * d;
        for (var l = 0; l < c.Layers; l++)
        {
            var w = _weights.Layers[l];
            var tape = tapes[l];
            tape.Clear();
            Array.Copy(x, tape.Input, td);
            FastKernels.Instance.RmsNorm(x, w.AttentionNorm, c.RmsNormEps, tape.AttentionInput, t, d);
            Project(l, LoraTarget.Query, tape.AttentionInput, w.Bq, tape.Q, t, tape, dropout);
            Project(l, LoraTarget.Key, tape.AttentionInput, w.Bk, tape.K, t, tape, dropout);
            Project(l, LoraTarget.Value, tape.AttentionInput, w.Bv, tape.V, t, tape, dropout);
            BackwardKernels.Rope(tape.Q, t, c.Heads, c.HeadDim, positions, _rope, inverse: false);
            BackwardKernels.Rope(tape.K, t, c.KvHeads, c.HeadDim, positions, _rope, inverse: false);
            BackwardKernels.AttentionForward(tape.Q, tape.K, tape.V, tape.Attention, tape.Probs, t, c.Heads, c.KvHeads, c.HeadDim);
            Project(l, LoraTarget.Output, tape.Attention, null, proj, t, tape, dropout);
            TensorPrimitives.Add(x.AsSpan(0, td), proj.AsSpan(0, td), x.AsSpan(0, td));
            Array.Copy(x, tape.Middle, td);
            FastKernels.Instance.RmsNorm(x, w.FfnNorm, c.RmsNormEps, tape.FfnInput, t, d);
            Project(l, LoraTarget.Gate, tape.FfnInput, null, tape.Gate, t, tape, dropout);
            Project(l, LoraTarget.Up, tape.FfnInput, null, tape.Up, t, tape, dropout);
            BackwardKernels.SwiGluForward(tape.Gate, tape.Up, tape.Hidden, t * c.HiddenDim);
            Project(l, LoraTarget.Down, tape.Hidden, null, proj, t, tape, dropout);
            TensorPrimitives.Add(x.AsSpan(0, td), proj.AsSpan(0, td), x.AsSpan(0, td));
        }

        return tapes;
    }

    private void Backward(LayerTape[] tapes, float[] dx, int t, LoraGradients gradients)
    {
        var c = _config;
        var d = c.Dim;
        var hidden = c.HiddenDim;
        var positions = Enumerable.Range(0, t).ToArray();
        var ws = _workspace!;
        var (dHidden, dGate, dUp, dNorm) = (ws.DHidden, ws.DGate, ws.DUp, ws.DNorm);
        var (dAtt, dq, dk, dv) = (ws.DAttention, ws.DQ, ws.DK, ws.DV);
        for (var l = c.Layers - 1; l >= _lowestAdaptedLayer; l--)
        {
            var w = _weights.Layers[l];
            var tape = tapes[l];

            // MLP: x_out = middle + down(swiglu(gate(n), up(n))), n = rmsnorm(middle)
            ProjectBackward(l, LoraTarget.Down, dx, dHidden, t, false, tape, gradients);
            BackwardKernels.SwiGluBackward(tape.Gate, tape.Up, dHidden, dGate, dUp, t * hidden);
            ProjectBackward(l, LoraTarget.Gate, dGate, dNorm, t, false, tape, gradients);
            ProjectBackward(l, LoraTarget.Up, dUp, dNorm, t, true, tape, gradients);
            BackwardKernels.RmsNormBackward(tape.Middle, w.FfnNorm, c.RmsNormEps, dNorm, dx, t, d, accumulate: true);

            // attention: middle = input + o(attn(rope(q(n)), rope(k(n)), v(n))), n = rmsnorm(input)
            ProjectBackward(l, LoraTarget.Output, dx, dAtt, t, false, tape, gradients);
            BackwardKernels.AttentionBackward(dAtt, tape.Q, tape.K, tape.V, tape.Probs, dq, dk, dv, t, c.Heads, c.KvHeads, c.HeadDim);
            BackwardKernels.Rope(dq, t, c.Heads, c.HeadDim, positions, _rope, inverse: true);
            BackwardKernels.Rope(dk, t, c.KvHeads, c.HeadDim, positions, _rope, inverse: true);
            ProjectBackward(l, LoraTarget.Query, dq, dNorm, t, false, tape, gradients);
            ProjectBackward(l, LoraTarget.Key, dk, dNorm, t, true, tape, gradients);
            ProjectBackward(l, LoraTarget.Value, dv, dNorm, t, true, tape, gradients);
            BackwardKernels.RmsNormBackward(tape.Input, w.AttentionNorm, c.RmsNormEps, dNorm, dx, t, d, accumulate: true);
        }
    }

    // y = x·Wᵀ (+b) + scaling·(drop(x)·Aᵀ)·Bᵀ; keeps drop(x) and u = drop(x)·Aᵀ for the backward pass.
    private void Project(int layer, LoraTarget target, float[] x, float[]? bias, float[] y, int t, LayerTape tape, TrainingRandom? dropout)
    {
        var (inF, outF) = LoraTargets.Shape(target, _config);
        BackwardKernels.Linear(x, _packed.Value[layer][(int)target], bias, y, t);
        var pair = Adapter.Get(layer, target);
        if (pair is null)
            return;
        var r = pair.Rank;
        var xd = x;
        var p = Adapter.Options.Dropout;
        if (dropout is not null && p > 0)
        {
            var (keep, dropped) = tape.DropoutBuffers(target, inF);
            var scale = 1f / (1f - p);
            xd = dropped;
            for (var i = 0; i < t * inF; i++)
            {
                keep[i] = dropout.NextSingle() < p ? 0f : scale;
                xd[i] = x[i] * keep[i];
            }

            tape.DropoutScale[target] = keep;
        }

        var u = new float[t * r];
        BackwardKernels.Linear(xd, pair.A, null, u, t, inF, r);
        var scaled = new float[t * r];
        TensorPrimitives.Multiply(u, Adapter.Scaling, scaled);
        Gemm.MultiplyTransposed(scaled, pair.B, y, t, r, outF, accumulate: true); // y += scaling·u·Bᵀ
        tape.LoraInput[target] = xd;
        tape.LoraHidden[target] = u;
    }

    private void ProjectBackward(int layer, LoraTarget target, float[] dy, float[] dx, int t, bool accumulate, LayerTape tape, LoraGradients gradients)
    {
        var (inF, outF) = LoraTargets.Shape(target, _config);
        BackwardKernels.LinearInputGrad(dy, LoraTargets.BaseWeight(target, _weights.Layers[layer]), dx, t, outF, inF, accumulate);
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
        BackwardKernels.LinearInputGrad(dy, pair.B, du, t, outF, r, false);
        TensorPrimitives.Multiply(du, s, du);

        // dA (r, in) += duᵀ·drop(x)
        BackwardKernels.LinearWeightGrad(du, xd, gradients.GradA[index], t, r, inF, 1f);

        // dx += drop'(du·A)
        if (!tape.DropoutScale.TryGetValue(target, out var keep))
        {
            BackwardKernels.LinearInputGrad(du, pair.A, dx, t, r, inF, accumulate: true);
            return;
        }

        var dxd = new float[t * inF];
        BackwardKernels.LinearInputGrad(du, pair.A, dxd, t, r, inF, false);
        TensorPrimitives.Multiply(dxd, keep.AsSpan(0, t * inF), dxd);
        TensorPrimitives.Add(dx.AsSpan(0, t * inF), dxd, dx.AsSpan(0, t * inF));
    }

    private PackedMatrix[][] PackLayers()
    {
        var result = new PackedMatrix[_config.Layers][];
        for (var l = 0; l < _config.Layers; l++)
        {
            var w = _weights.Layers[l];
            result[l] = new PackedMatrix[LoraTargets.All.Count];
            foreach (var target in LoraTargets.All)
            {
                var (inF, outF) = LoraTargets.Shape(target, _config);
                result[l][(int)target] = PackedMatrix.FromRows(LoraTargets.BaseWeight(target, w), outF, inF);
            }
        }

        return result;
    }

    // activations of one layer, kept from the forward pass for the backward pass; sized for `capacity` tokens
    private sealed class LayerTape(TransformerConfig c, int capacity)
    {
        public float[] Input { get; } = new float[capacity * c.Dim];

        public float[] AttentionInput { get; } = new float[capacity * c.Dim];

        public float[] Q { get; } = new float[capacity * c.QDim];

        public float[] K { get; } = new float[capacity * c.KvDim];

        public float[] V { get; } = new float[capacity * c.KvDim];

        public float[] Probs { get; } = new float[c.Heads * capacity * capacity];

        public float[] Attention { get; } = new float[capacity * c.QDim];

        public float[] Middle { get; } = new float[capacity * c.Dim];

        public float[] FfnInput { get; } = new float[capacity * c.Dim];

        public float[] Gate { get; } = new float[capacity * c.HiddenDim];

        public float[] Up { get; } = new float[capacity * c.HiddenDim];

        public float[] Hidden { get; } = new float[capacity * c.HiddenDim];

        public Dictionary<LoraTarget, float[]> LoraInput { get; } = [];

        public Dictionary<LoraTarget, float[]> LoraHidden { get; } = [];

        public Dictionary<LoraTarget, float[]> DropoutScale { get; } = [];

        private readonly Dictionary<LoraTarget, (float[] Keep, float[] Dropped)> _dropout = [];

        // the dropout mask and masked input of one adapted projection, made on first use and kept
        public (float[] Keep, float[] Dropped) DropoutBuffers(LoraTarget target, int inFeatures)
        {
            if (!_dropout.TryGetValue(target, out var buffers))
                _dropout[target] = buffers = (new float[capacity * inFeatures], new float[capacity * inFeatures]);
            return buffers;
        }

        public void Clear()
        {
            LoraInput.Clear();
            LoraHidden.Clear();
            DropoutScale.Clear();
        }
    }

    // every buffer of one forward/backward pass, for sequences of up to `Capacity` tokens
    private sealed class Workspace
    {
        private readonly int _vocab;
        private float[]? _logits;

        public Workspace(TransformerConfig c, int capacity)
        {
            Capacity = capacity;
            Tapes = Enumerable.Range(0, c.Layers).Select(_ => new LayerTape(c, capacity)).ToArray();
            float[] Rows(int width) => new float[capacity * width];
            (X, Projection, Selected, Normed, DNormed, DSelected, DX, DNorm) = (Rows(c.Dim), Rows(c.Dim), Rows(c.Dim), Rows(c.Dim), Rows(c.Dim), Rows(c.Dim), Rows(c.Dim), Rows(c.Dim));
            _vocab = c.VocabSize;
            (DHidden, DGate, DUp) = (Rows(c.HiddenDim), Rows(c.HiddenDim), Rows(c.HiddenDim));
            (DAttention, DQ, DK, DV) = (Rows(c.QDim), Rows(c.QDim), Rows(c.KvDim), Rows(c.KvDim));
        }

        public int Capacity { get; }

        public LayerTape[] Tapes { get; }

        public float[] X { get; }

        public float[] Projection { get; }

        public float[] Selected { get; }

        public float[] Normed { get; }

        // logits of the target rows only (often far fewer than the tokens): grown on demand, in whole 32-row steps
        public float[] LogitsFor(int rows)
        {
            if (_logits is null || _logits.LongLength < (long)rows * _vocab)
            {
                _logits = null;
                _logits = new float[(long)Math.Min(Capacity, (rows + 31) / 32 * 32) * _vocab];
            }

            return _logits;
        }

        public float[] DNormed { get; }

        public float[] DSelected { get; }

        public float[] DX { get; }

        public float[] DNorm { get; }

        public float[] DHidden { get; }

        public float[] DGate { get; }

        public float[] DUp { get; }

        public float[] DAttention { get; }

        public float[] DQ { get; }

        public float[] DK { get; }

        public float[] DV { get; }
    }
}
