using System.Buffers;
using System.Numerics.Tensors;
using System.Runtime.Intrinsics;
using Persona.Tensors.Kernels;

namespace Persona.Tensors.Training;

/// <summary>
/// Forward pieces that keep what a backward pass needs, and the backward pass of every operation of a
/// LLaMA-family decoder. Buffers are row-major with explicit sizes, as in <see cref="IKernels"/>; "accumulate"
/// means the result is added to the destination (gradients from several paths meet there).
/// Each backward is checked against finite differences of its forward in the tests.
/// </summary>
public static class BackwardKernels
{
    // rows per causal block of the attention products: whole micro-tiles, few wasted upper-triangle columns
    private const int AttentionRows = 48;

    /// <summary>y (t, n) = x (t, k) · w (n, k)ᵀ (+ bias).</summary>
    public static void Linear(float[] x, float[] w, float[]? bias, float[] y, int t, int k, int n)
    {
        Gemm.MultiplyTransposed(x, w, y, t, k, n, accumulate: false);
        Gemm.AddBias(bias, y, t, n);
    }

    /// <summary>y (t, n) = x (t, k) · Wᵀ (+ bias) with W packed once (frozen weights).</summary>
    public static void Linear(float[] x, PackedMatrix w, float[]? bias, float[] y, int t)
    {
        ArgumentNullException.ThrowIfNull(w);
        Gemm.MultiplyTransposed(x, w, y, t, accumulate: false);
        Gemm.AddBias(bias, y, t, w.N);
    }

    /// <summary>dx (t, k) (+)= dy (t, n) · w (n, k): the input gradient of a linear layer, on w as stored.</summary>
    public static void LinearInputGrad(float[] dy, float[] w, float[] dx, int t, int n, int k, bool accumulate) =>
        Gemm.Multiply(dy, w, dx, t, n, k, accumulate);

    /// <summary>dW (n, k) += scale · dy (t, n)ᵀ · x (t, k): the weight gradient of a linear layer.</summary>
    public static void LinearWeightGrad(float[] dy, float[] x, float[] dW, int t, int n, int k, float scale)
    {
        ArgumentNullException.ThrowIfNull(x);
        var scaled = x;
        if (scale != 1f)
        {
            scaled = new float[t * k];
            TensorPrimitives.Multiply(x.AsSpan(0, t * k), scale, scaled);
        }

        Gemm.MultiplyTransposedA(dy, scaled, dW, n, t, k, accumulate: true);
    }

    /// <summary>
    /// RMSNorm backward. x (t, d) the norm's input, w (d), dy (t, d) → dx (t, d) (+)=
    /// (dy⊙w − x̂·mean(dy⊙w⊙x̂)) / rms with x̂ = x / rms, rms = sqrt(mean(x²) + eps). The norm weight is frozen.
    /// </summary>
    public static void RmsNormBackward(float[] x, float[] w, float eps, float[] dy, float[] dx, int t, int d, bool accumulate)
    {
        Span<float> g = d <= 4096 ? stackalloc float[d] : new float[d];
        for (var r = 0; r < t; r++)
        {
            var row = x.AsSpan(r * d, d);
            var inv = 1f / MathF.Sqrt((TensorPrimitives.SumOfSquares(row) / d) + eps);
            TensorPrimitives.Multiply(dy.AsSpan(r * d, d), w.AsSpan(0, d), g); // dy⊙w
            var dot = TensorPrimitives.Dot(g, row) * inv / d;                 // mean(dy⊙w⊙x̂)
            var output = dx.AsSpan(r * d, d);
            for (var i = 0; i < d; i++)
            {
                var value = (g[i] - (row[i] * inv * dot)) * inv;
                output[i] = accumulate ? output[i] + value : value;
            }
        }
    }

    /// <summary>
    /// Rotates every head by +θ (forward) or −θ (<paramref name="inverse"/>, which is RoPE's backward: the
    /// rotation is orthogonal, so the gradient rotates back). x (t, heads·headDim) in place.
    /// </summary>
    public static void Rope(float[] x, int t, int heads, int headDim, ReadOnlySpan<int> positions, RopeTable table, bool inverse)
    {
        ArgumentNullException.ThrowIfNull(table);
        var half = headDim / 2;
        Span<float> cos = stackalloc float[half];
        Span<float> sin = stackalloc float[half];
        for (var r = 0; r < t; r++)
        {
            table.Angles(positions[r], cos, sin);
            for (var h = 0; h < heads; h++)
            {
                var head = (r * heads * headDim) + (h * headDim);
                for (var i = 0; i < half; i++)
                {
                    var (a, b) = table.Style == RopeStyle.Interleaved ? (head + (2 * i), head + (2 * i) + 1) : (head + i, head + i + half);
                    var x0 = x[a];
                    var x1 = x[b];
                    var s = inverse ? -sin[i] : sin[i];
                    x[a] = (x0 * cos[i]) - (x1 * s);
                    x[b] = (x0 * s) + (x1 * cos[i]);
                }
            }
        }
    }

    /// <summary>
    /// Causal GQA attention over one whole sequence, keeping the softmax probabilities for the backward pass.
    /// q (t, H·hd), k/v (t, KV·hd) → output (t, H·hd); probs (H, t, t) row i holds P[i, 0..i] (rest zero).
    /// </summary>
    public static unsafe void AttentionForward(float[] q, float[] k, float[] v, float[] output, float[] probs, int t, int heads, int kvHeads, int headDim)
    {
        var group = heads / kvHeads;
        var kvStride = kvHeads * headDim;
        var qStride = heads * headDim;
        var scale = 1f / MathF.Sqrt(headDim);
        fixed (float* pq = q, pk = k, pv = v, po = output, pp = probs)
        {
            float* qp = pq, kp = pk, vp = pv, op = po, ppr = pp;
            void Head(int h)
            {
                var kvOff = h / group * headDim;
                var p = ppr + ((long)h * t * t);
                for (var i0 = 0; i0 < t; i0 += AttentionRows)
                {
                    // scores of rows [i0, i1) against keys [0, i1): the causal block, in place in P
                    var i1 = Math.Min(t, i0 + AttentionRows);
                    Gemm.Multiply(qp + ((long)i0 * qStride) + (h * headDim), qStride, false, kp + kvOff, kvStride, true, p + ((long)i0 * t), t, i1 - i0, headDim, i1, false, parallel: false);
                    for (var i = i0; i < i1; i++)
                    {
                        var row = new Span<float>(p + ((long)i * t), t);
                        var visible = row[..(i + 1)];
                        var max = TensorPrimitives.Max(visible);
                        TensorPrimitives.Subtract(visible, max, visible);
                        TensorPrimitives.Multiply(visible, scale, visible);
                        TensorPrimitives.Exp(visible, visible);
                        TensorPrimitives.Divide(visible, TensorPrimitives.Sum(visible), visible);
                        row[(i + 1)..].Clear();
                    }

                    Gemm.Multiply(p + ((long)i0 * t), t, false, vp + kvOff, kvStride, false, op + ((long)i0 * qStride) + (h * headDim), qStride, i1 - i0, i1, headDim, false, parallel: false);
                }
            }

            if ((long)t * t * heads * headDim < FastKernels.ParallelThreshold)
            {
                for (var h = 0; h < heads; h++)
                    Head(h);
            }
            else
            {
                Parallel.For(0, heads, Head);
            }
        }
    }

    /// <summary>
    /// Backward of <see cref="AttentionForward"/>: dOut (t, H·hd) → dq (t, H·hd), dk, dv (t, KV·hd), all
    /// overwritten. dS = P ⊙ (dP − rowsum(P ⊙ dP)) with dP = dOut·Vᵀ; dq = scale·dS·K; dk = scale·dSᵀ·q; dv = Pᵀ·dOut.
    /// </summary>
    public static void AttentionBackward(float[] dOut, float[] q, float[] k, float[] v, float[] probs, float[] dq, float[] dk, float[] dv, int t, int heads, int kvHeads, int headDim)
    {
        // each query head writes its own share of dk and dv; the heads of a group are summed at the end
        var partial = ArrayPool<float>.Shared.Rent(2 * heads * t * headDim);
        try
        {
            AttentionBackwardHeads(dOut, q, k, v, probs, dq, dk, dv, partial, t, heads, kvHeads, headDim);
        }
        finally
        {
            ArrayPool<float>.Shared.Return(partial);
        }
    }

    // the per-head products of AttentionBackward; `partial` holds each head's dk and dv before the group sums
    private static unsafe void AttentionBackwardHeads(float[] dOut, float[] q, float[] k, float[] v, float[] probs, float[] dq, float[] dk, float[] dv, float[] partial, int t, int heads, int kvHeads, int headDim)
    {
        var group = heads / kvHeads;
        var kvStride = kvHeads * headDim;
        var qStride = heads * headDim;
        var scale = 1f / MathF.Sqrt(headDim);
        fixed (float* pdo = dOut, pq = q, pk = k, pv = v, pp = probs, pdq = dq, ppart = partial)
        {
            float* dop = pdo, qp = pq, kp = pk, vp = pv, ppr = pp, dqp = pdq, part = ppart;
            void Head(int h)
            {
                var kvOff = h / group * headDim;
                var p = ppr + ((long)h * t * t);
                var dS = ArrayPool<float>.Shared.Rent(t * t);
                try
                {
                    fixed (float* ds = dS)
                    {
                        var dO = dop + (h * headDim);
                        for (var i0 = 0; i0 < t; i0 += AttentionRows)
                        {
                            var i1 = Math.Min(t, i0 + AttentionRows);

                            // dP rows [i0, i1) = dOut·Vᵀ, then dS in place
                            Gemm.Multiply(dO + ((long)i0 * qStride), qStride, false, vp + kvOff, kvStride, true, ds + ((long)i0 * t), t, i1 - i0, headDim, i1, false, parallel: false);
                            for (var i = i0; i < i1; i++)
                            {
                                var pRow = new ReadOnlySpan<float>(p + ((long)i * t), i + 1);
                                var row = new Span<float>(ds + ((long)i * t), t);
                                var visible = row[..(i + 1)];
                                var dot = TensorPrimitives.Dot(pRow, visible);
                                TensorPrimitives.Subtract(visible, dot, visible);
                                TensorPrimitives.Multiply(visible, pRow, visible);
                                TensorPrimitives.Multiply(visible, scale, visible);
                                row[(i + 1)..].Clear();
                            }

                            // dq rows [i0, i1) = dS·K over keys [0, i1)
                            Gemm.Multiply(ds + ((long)i0 * t), t, false, kp + kvOff, kvStride, false, dqp + ((long)i0 * qStride) + (h * headDim), qStride, i1 - i0, i1, headDim, false, parallel: false);
                        }

                        // dk, dv rows [j0, j1) = dSᵀ·q, Pᵀ·dOut over queries [j0, t) (later queries see earlier keys)
                        var dkPart = part + ((long)h * t * headDim);
                        var dvPart = part + ((long)(heads + h) * t * headDim);
                        for (var j0 = 0; j0 < t; j0 += AttentionRows)
                        {
                            var j1 = Math.Min(t, j0 + AttentionRows);
                            var offset = ((long)j0 * t) + j0;
                            Gemm.Multiply(ds + offset, t, true, qp + ((long)j0 * qStride) + (h * headDim), qStride, false, dkPart + ((long)j0 * headDim), headDim, j1 - j0, t - j0, headDim, false, parallel: false);
                            Gemm.Multiply(p + offset, t, true, dO + ((long)j0 * qStride), qStride, false, dvPart + ((long)j0 * headDim), headDim, j1 - j0, t - j0, headDim, false, parallel: false);
                        }
                    }
                }
                finally
                {
                    ArrayPool<float>.Shared.Return(dS);
                }
            }

            if ((long)t * t * heads * headDim < FastKernels.ParallelThreshold)
            {
                for (var h = 0; h < heads; h++)
                    Head(h);
            }
            else
            {
                Parallel.For(0, heads, Head);
            }
        }

        for (var g = 0; g < kvHeads; g++)
        {
            for (var j = 0; j < t; j++)
            {
                var dkRow = dk.AsSpan((j * kvStride) + (g * headDim), headDim);
                var dvRow = dv.AsSpan((j * kvStride) + (g * headDim), headDim);
                dkRow.Clear();
                dvRow.Clear();
                for (var h = g * group; h < (g + 1) * group; h++)
                {
                    TensorPrimitives.Add(dkRow, partial.AsSpan(((h * t) + j) * headDim, headDim), dkRow);
                    TensorPrimitives.Add(dvRow, partial.AsSpan((((heads + h) * t) + j) * headDim, headDim), dvRow);
                }
            }
        }
    }

    /// <summary>hidden[i] = silu(gate[i]) · up[i] (not in place: both inputs are kept for the backward pass).</summary>
    public static void SwiGluForward(float[] gate, float[] up, float[] hidden, int count)
    {
        var h = hidden.AsSpan(0, count);
        TensorPrimitives.Sigmoid(gate.AsSpan(0, count), h);
        TensorPrimitives.Multiply(h, gate.AsSpan(0, count), h);
        TensorPrimitives.Multiply(h, up.AsSpan(0, count), h);
    }

    /// <summary>SwiGLU backward: dGate = dh·up·σ(g)(1 + g(1 − σ(g))), dUp = dh·silu(g). dUp may not alias the inputs.</summary>
    public static void SwiGluBackward(float[] gate, float[] up, float[] dHidden, float[] dGate, float[] dUp, int count)
    {
        TensorPrimitives.Sigmoid(gate.AsSpan(0, count), dUp.AsSpan(0, count)); // σ(g), overwritten below
        var i = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            for (; i + Vector512<float>.Count <= count; i += Vector512<float>.Count)
            {
                var g = Vector512.Create(gate.AsSpan(i, Vector512<float>.Count));
                var sg = Vector512.Create(dUp.AsSpan(i, Vector512<float>.Count));
                var dh = Vector512.Create(dHidden.AsSpan(i, Vector512<float>.Count));
                var u = Vector512.Create(up.AsSpan(i, Vector512<float>.Count));
                (dh * u * sg * (Vector512<float>.One + (g * (Vector512<float>.One - sg)))).CopyTo(dGate.AsSpan(i));
                (dh * g * sg).CopyTo(dUp.AsSpan(i));
            }
        }

        for (; i < count; i++)
        {
            var g = gate[i];
            var sg = dUp[i];
            var dh = dHidden[i];
            dGate[i] = dh * up[i] * sg * (1f + (g * (1f - sg)));
            dUp[i] = dh * g * sg;
        }
    }

    /// <summary>
    /// Cross-entropy of one logits row against <paramref name="target"/>: returns −log softmax(logits)[target]
    /// (in double) and, when <paramref name="gradient"/> is given, writes weight·(softmax − onehot) into it (it may be the logits row itself).
    /// </summary>
    public static double CrossEntropy(ReadOnlySpan<float> logits, int target, Span<float> gradient, float weight)
    {
        var max = TensorPrimitives.Max(logits);
        var targetLogit = logits[target]; // read before the gradient is written: it may overwrite the logits
        float[]? rented = null;
        var e = gradient.IsEmpty ? (rented = ArrayPool<float>.Shared.Rent(logits.Length)).AsSpan(0, logits.Length) : gradient;
        TensorPrimitives.Subtract(logits, max, e);
        TensorPrimitives.Exp(e, e);
        double sum = TensorPrimitives.Sum(e);
        var loss = Math.Log(sum) + max - targetLogit;
        if (rented is not null)
        {
            ArrayPool<float>.Shared.Return(rented);
        }
        else
        {
            TensorPrimitives.Multiply(e, (float)(weight / sum), e);
            gradient[target] -= weight;
        }

        return loss;
    }

    /// <summary>Embedding backward: dTable[ids[i]] += dx[i] (rows of d).</summary>
    public static void EmbeddingBackward(ReadOnlySpan<int> ids, float[] dx, float[] dTable, int d)
    {
        for (var i = 0; i < ids.Length; i++)
        {
            var row = dTable.AsSpan(ids[i] * d, d);
            TensorPrimitives.Add(row, dx.AsSpan(i * d, d), row);
        }
    }
}
