namespace Persona.Tensors.Training;

/// <summary>Gradient buffers parallel to an adapter's pairs: GradA[i] matches Pairs[i].A, GradB[i] Pairs[i].B.</summary>
public sealed class LoraGradients
{
    public LoraGradients(LoraAdapter adapter)
    {
        ArgumentNullException.ThrowIfNull(adapter);
        GradA = adapter.Pairs.Select(p => new float[p.A.Length]).ToArray();
        GradB = adapter.Pairs.Select(p => new float[p.B.Length]).ToArray();
    }

    public float[][] GradA { get; }

    public float[][] GradB { get; }

    public void Clear()
    {
        foreach (var g in GradA)
            Array.Clear(g);
        foreach (var g in GradB)
            Array.Clear(g);
    }

    /// <summary>The global L2 norm over every gradient (in double).</summary>
    public double Norm()
    {
        double sum = 0;
        foreach (var g in GradA.Concat(GradB))
        {
            foreach (var value in g)
                sum += (double)value * value;
        }

        return Math.Sqrt(sum);
    }

    public void Scale(float factor)
    {
        foreach (var g in GradA.Concat(GradB))
            System.Numerics.Tensors.TensorPrimitives.Multiply(g, factor, g);
    }
}
