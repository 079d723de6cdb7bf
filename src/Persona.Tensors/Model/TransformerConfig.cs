using Persona.Tensors.Kernels;

namespace Persona.Tensors.Model;

/// <summary>The hyperparameters of a LLaMA-family decoder, whatever file they came from.</summary>
public sealed record TransformerConfig
{
    public required ModelArchitecture Architecture { get; init; }

    /// <summary>Hidden size d.</summary>
    public required int Dim { get; init; }

    /// <summary>MLP intermediate size.</summary>
    public required int HiddenDim { get; init; }

    public required int Layers { get; init; }

    public required int Heads { get; init; }

    public required int KvHeads { get; init; }

    public required int HeadDim { get; init; }

    public required int VocabSize { get; init; }

    /// <summary>The longest sequence the KV cache and RoPE table are built for.</summary>
    public required int MaxSequenceLength { get; init; }

    public required float RmsNormEps { get; init; }

    public required float RopeTheta { get; init; }

    public required RopeStyle RopeStyle { get; init; }

    public Llama3RopeScaling? RopeScaling { get; init; }

    /// <summary>q/k/v projections have a bias (Qwen2).</summary>
    public bool AttentionBias { get; init; }

    /// <summary>The output projection is the token embedding.</summary>
    public bool TiedEmbeddings { get; init; }

    public int QDim => Heads * HeadDim;

    public int KvDim => KvHeads * HeadDim;

    /// <summary>All problems at once, empty when the configuration is usable.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        void Positive(int value, string name)
        {
            if (value <= 0)
                problems.Add($"{name} must be positive (got {value})");
        }

        Positive(Dim, "hidden size");
        Positive(HiddenDim, "intermediate size");
        Positive(Layers, "layer count");
        Positive(Heads, "attention head count");
        Positive(KvHeads, "key/value head count");
        Positive(HeadDim, "head dimension");
        Positive(VocabSize, "vocabulary size");
        Positive(MaxSequenceLength, "maximum sequence length");
        if (Heads > 0 && KvHeads > 0 && Heads % KvHeads != 0)
            problems.Add($"attention heads ({Heads}) must be a multiple of key/value heads ({KvHeads})");
        if (HeadDim % 2 != 0)
            problems.Add($"head dimension must be even for RoPE (got {HeadDim})");
        if (!(RmsNormEps > 0) || float.IsInfinity(RmsNormEps))
            problems.Add($"rms_norm_eps must be a positive number (got {RmsNormEps})");
        if (!(RopeTheta > 0) || float.IsInfinity(RopeTheta))
            problems.Add($"rope theta must be a positive number (got {RopeTheta})");
        return problems;
    }
}
