namespace Persona.Tensors.Training;

/// <summary>
/// AdamW over an adapter's matrices, as torch.optim.AdamW: p ← p − lr·wd·p; m ← β1·m + (1−β1)·g;
/// v ← β2·v + (1−β2)·g²; p ← p − lr·(m / (1−β1ᵗ)) / (√(v / (1−β2ᵗ)) + ε). Moments are kept per matrix.
/// </summary>
public sealed class AdamW
{
    public AdamW(LoraAdapter adapter, float beta1 = 0.9f, float beta2 = 0.999f, float epsilon = 1e-8f, float weightDecay = 0f)
    {
        ArgumentNullException.ThrowIfNull(adapter);
        Adapter = adapter;
        Beta1 = beta1;
        Beta2 = beta2;
        Epsilon = epsilon;
        WeightDecay = weightDecay;
        FirstMoments = adapter.Pairs.SelectMany(p => new[] { new float[p.A.Length], new float[p.B.Length] }).ToArray();
        SecondMoments = adapter.Pairs.SelectMany(p => new[] { new float[p.A.Length], new float[p.B.Length] }).ToArray();
    }

    public LoraAdapter Adapter { get; }

    public float Beta1 { get; }

    public float Beta2 { get; }

    public float Epsilon { get; }

    public float WeightDecay { get; }

    /// <summary>Steps taken so far.</summary>
    public int Step { get; set; }

    /// <summary>First moments, in the order A₀, B₀, A₁, B₁, … of the adapter's pairs.</summary>
    public float[][] FirstMoments { get; }

    /// <summary>Second moments, same order as <see cref="FirstMoments"/>.</summary>
    public float[][] SecondMoments { get; }

    public void Update(LoraGradients gradients, float learningRate)
    {
        ArgumentNullException.ThrowIfNull(gradients);
        Step++;
        var correction1 = 1.0 - Math.Pow(Beta1, Step);
        var correction2 = 1.0 - Math.Pow(Beta2, Step);
        for (var p = 0; p < Adapter.Pairs.Count; p++)
        {
            Apply(Adapter.Pairs[p].A, gradients.GradA[p], FirstMoments[2 * p], SecondMoments[2 * p], learningRate, correction1, correction2);
            Apply(Adapter.Pairs[p].B, gradients.GradB[p], FirstMoments[(2 * p) + 1], SecondMoments[(2 * p) + 1], learningRate, correction1, correction2);
        }
    }

    private void Apply(float[] parameter, float[] gradient, float[] m, float[] v, float learningRate, double correction1, double correction2)
    {
        var stepSize = (float)(learningRate / correction1);
        var root2 = (float)Math.Sqrt(correction2);
        var decay = 1f - (learningRate * WeightDecay);
        for (var i = 0; i < parameter.Length; i++)
        {
            var g = gradient[i];
            m[i] = (Beta1 * m[i]) + ((1 - Beta1) * g);
            v[i] = (Beta2 * v[i]) + ((1 - Beta2) * g * g);
            parameter[i] = (parameter[i] * decay) - (stepSize * m[i] / ((MathF.Sqrt(v[i]) / root2) + Epsilon));
        }
    }
}
