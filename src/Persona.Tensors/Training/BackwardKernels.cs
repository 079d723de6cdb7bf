using System.Numerics.Tensors;
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
    /// <summary>y (t, n) = x (t, k) · w (n, k)ᵀ (+ bias).</summary>
    public static void Linear(float[] x, float[] w, float[]? bias, float[] y, int t, int k, int n) =>
        FastMatMul.Run(x, w, bias, y, t, k, n);

    /// <summary>dx (t, k) (+)= dy (t, n) · w (n, k), given wT = wᵀ (k, n) (frozen weights are transposed once).</summary>
    public static void LinearInputGrad(float[] dy, float[] wT, float[] dx, int t, int n, int k, bool accumulate, float[]? scratch = null)
    {
        if (!accumulate)
        {
            FastMatMul.Run(dy, wT, null, dx, t, n, k);
            return;
        }

        var tmp = scratch ?? new float[t * k];
        FastMatMul.Run(dy, wT, null, tmp, t, n, k);
        TensorPrimitives.Add(dx.AsSpan(0, t * k), tmp.AsSpan(0, t * k), dx.AsSpan(0, t * k));
    }

    /// <summary>dW (n, k) += scale · dy (t, n)ᵀ · x (t, k): the weight gradient of a linear layer.</summary>
    public static void LinearWeightGrad(float[] dy, float[] x, float[] dW, int t, int n, int k, float scale)
    {
        // dy and x are transposed (t-major → feature-major) so each output row is a sum over t of dense rows.
        void Row(int o)
        {
            var row = dW.AsSpan(o * k, k);
            for (var r = 0; r < t; r++)
            {
                var g = dy[(r * n) + o] * scale;
                if (g != 0)
                    TensorPrimitives.MultiplyAdd(x.AsSpan(r * k, k), g, row, row);
            }
        }

        if ((long)t * n * k < FastKernels.ParallelThreshold)
        {
            for (var o = 0; o < n; o++)
                Row(o);
        }
        else
        {
            Parallel.For(0, n, Row);
        }
    }

    /// <summary>The transpose of a (rows, cols) matrix.</summary>
    public static float[] Transpose(float[] m, int rows, int cols)
    {
        var result = new float[m.Length];
        const int Block = 32;
        Parallel.For(0, (rows + Block - 1) / Block, rb =>
        {
            var r0 = rb * Block;
            var r1 = Math.Min(rows, r0 + Block);
            for (var c0 = 0; c0 < cols; c0 += Block)
            {
                var c1 = Math.Min(cols, c0 + Block);
                for (var r = r0; r < r1; r++)
                {
                    for (var c = c0; c < c1; c++)
                        result[((long)c * rows) + r] = m[((long)r * cols) + c];
                }
            }
        });
        return result;
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
    public static void AttentionForward(float[] q, float[] k, float[] v, float[] output, float[] probs, int t, int heads, int kvHeads, int headDim)
    {
        var group = heads / kvHeads;
        var kvStride = kvHeads * headDim;
        var qStride = heads * headDim;
        var scale = 1f / MathF.Sqrt(headDim);
        void One(int item)
        {
            var h = item / t;
            var i = item % t;
            var kvOff = h / group * headDim;
            var p = probs.AsSpan(((h * t) + i) * t, t);
            var qRow = q.AsSpan((i * qStride) + (h * headDim), headDim);
            var max = float.NegativeInfinity;
            for (var j = 0; j <= i; j++)
            {
                var s = TensorPrimitives.Dot(qRow, k.AsSpan((j * kvStride) + kvOff, headDim)) * scale;
                p[j] = s;
                if (s > max)
                    max = s;
            }

            var sum = 0f;
            for (var j = 0; j <= i; j++)
            {
                var e = MathF.Exp(p[j] - max);
                p[j] = e;
                sum += e;
            }

            var inv = 1f / sum;
            var o = output.AsSpan((i * qStride) + (h * headDim), headDim);
            o.Clear();
            for (var j = 0; j <= i; j++)
            {
                p[j] *= inv;
                TensorPrimitives.MultiplyAdd(v.AsSpan((j * kvStride) + kvOff, headDim), p[j], o, o);
            }

            p[(i + 1)..].Clear();
        }

        if ((long)t * t * heads * headDim < FastKernels.ParallelThreshold)
        {
            for (var item = 0; item < heads * t; item++)
                One(item);
        }
        else
        {
            Parallel.For(0, heads * t, One);
        }
    }

    /// <summary>
    /// Backward of <see cref="AttentionForward"/>: dOut (t, H·hd) → dq (t, H·hd), dk, dv (t, KV·hd), all
    /// overwritten. dS = P ⊙ (dP − rowsum(P ⊙ dP)) with dP = dOut·Vᵀ; dq = scale·dS·K; dk = scale·dSᵀ·q; dv = Pᵀ·dOut.
    /// </summary>
    public static void AttentionBackward(float[] dOut, float[] q, float[] k, float[] v, float[] probs, float[] dq, float[] dk, float[] dv, int t, int heads, int kvHeads, int headDim)
    {
        var group = heads / kvHeads;
        var kvStride = kvHeads * headDim;
        var qStride = heads * headDim;
        var scale = 1f / MathF.Sqrt(headDim);
        Array.Clear(dk, 0, t * kvStride);
        Array.Clear(dv, 0, t * kvStride);

        // Parallel over kv heads: a kv head's dk/dv rows are written only by the query heads of its group.
        void KvHead(int g)
        {
            var kvOff = g * headDim;
            var dp = new float[t];
            for (var h = g * group; h < (g + 1) * group; h++)
            {
                for (var i = 0; i < t; i++)
                {
                    var p = probs.AsSpan(((h * t) + i) * t, i + 1);
                    var dO = dOut.AsSpan((i * qStride) + (h * headDim), headDim);
                    var qRow = q.AsSpan((i * qStride) + (h * headDim), headDim);
                    var dqRow = dq.AsSpan((i * qStride) + (h * headDim), headDim);
                    dqRow.Clear();
                    var dot = 0f;
                    for (var j = 0; j <= i; j++)
                    {
                        dp[j] = TensorPrimitives.Dot(dO, v.AsSpan((j * kvStride) + kvOff, headDim));
                        dot += p[j] * dp[j];
                    }

                    for (var j = 0; j <= i; j++)
                    {
                        var ds = p[j] * (dp[j] - dot) * scale;
                        var kRow = k.AsSpan((j * kvStride) + kvOff, headDim);
                        TensorPrimitives.MultiplyAdd(kRow, ds, dqRow, dqRow);
                        var dkRow = dk.AsSpan((j * kvStride) + kvOff, headDim);
                        TensorPrimitives.MultiplyAdd(qRow, ds, dkRow, dkRow);
                        var dvRow = dv.AsSpan((j * kvStride) + kvOff, headDim);
                        TensorPrimitives.MultiplyAdd(dO, p[j], dvRow, dvRow);
                    }
                }
            }
        }

        if ((long)t * t * heads * headDim < FastKernels.ParallelThreshold || kvHeads == 1)
        {
            for (var g = 0; g < kvHeads; g++)
                KvHead(g);
        }
        else
        {
            Parallel.For(0, kvHeads, KvHead);
        }
    }

    /// <summary>hidden[i] = silu(gate[i]) · up[i] (not in place: both inputs are kept for the backward pass).</summary>
    public static void SwiGluForward(float[] gate, float[] up, float[] hidden, int count)
    {
        for (var i = 0; i < count; i++)
        {
            var g = gate[i];
            hidden[i] = g / (1f + MathF.Exp(-g)) * up[i];
        }
    }

    /// <summary>SwiGLU backward: dGate = dh·up·σ(g)(1 + g(1 − σ(g))), dUp = dh·silu(g).</summary>
    public static void SwiGluBackward(float[] gate, float[] up, float[] dHidden, float[] dGate, float[] dUp, int count)
    {
        for (var i = 0; i < count; i++)
        {
            var g = gate[i];
            var s = 1f / (1f + MathF.Exp(-g));
            var dh = dHidden[i];
            dGate[i] = dh * up[i] * s * (1f + (g * (1f - s)));
            dUp[i] = dh * g * s;
        }
    }

    /// <summary>
    /// Cross-entropy of one logits row against <paramref name="target"/>: returns −log softmax(logits)[target]
    /// (in double) and, when <paramref name="gradient"/> is given, writes weight·(softmax − onehot) into it (it may be the logits row itself).
    /// </summary>
    public static double CrossEntropy(ReadOnlySpan<float> logits, int target, Span<float> gradient, float weight)
    {
        var max = TensorPrimitives.Max(logits);
        double sum = 0;
        for (var i = 0; i < logits.Length; i++)
            sum += Math.Exp(logits[i] - max);
        var logSum = Math.Log(sum) + max;
        var loss = logSum - logits[target]; // before the gradient is written: it may overwrite the logits
        if (!gradient.IsEmpty)
        {
            for (var i = 0; i < logits.Length; i++)
                gradient[i] = (float)(Math.Exp(logits[i] - logSum) * weight);
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
