namespace Persona.Tensors.Training;

/// <summary>
/// One adapted projection: A (r, in) and B (out, r), row-major as PEFT's lora_A/lora_B weights.
/// The projection becomes y = x·Wᵀ + scaling · (x·Aᵀ)·Bᵀ.
/// </summary>
public sealed class LoraMatrixPair
{
    public LoraMatrixPair(int layer, LoraTarget target, int rank, int inFeatures, int outFeatures)
    {
        Layer = layer;
        Target = target;
        Rank = rank;
        In = inFeatures;
        Out = outFeatures;
        A = new float[rank * inFeatures];
        B = new float[outFeatures * rank];
    }

    public int Layer { get; }

    public LoraTarget Target { get; }

    public int Rank { get; }

    public int In { get; }

    public int Out { get; }

    public float[] A { get; }

    public float[] B { get; }
}
