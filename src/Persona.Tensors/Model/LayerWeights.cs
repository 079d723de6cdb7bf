namespace Persona.Tensors.Model;

/// <summary>
/// One decoder block in f32, every matrix row-major [out, in] as a PyTorch Linear.
/// Shapes: norms (d); Wq (H·hd, d); Wk, Wv (KV·hd, d); Wo (d, H·hd); Gate, Up (I, d); Down (d, I).
/// </summary>
public sealed class LayerWeights
{
    public required float[] AttentionNorm { get; init; }

    public required float[] Wq { get; init; }

    public required float[] Wk { get; init; }

    public required float[] Wv { get; init; }

    public required float[] Wo { get; init; }

    public float[]? Bq { get; init; }

    public float[]? Bk { get; init; }

    public float[]? Bv { get; init; }

    public required float[] FfnNorm { get; init; }

    public required float[] Gate { get; init; }

    public required float[] Up { get; init; }

    public required float[] Down { get; init; }
}
