namespace Persona.Tensors.Model;

/// <summary>
/// Collects every block's <see cref="LayerActivations"/> and the final normalised hidden state (t, d) during
/// <see cref="Transformer.Forward"/>, so a backward pass can be written per operation.
/// </summary>
public sealed class ForwardTrace
{
    private readonly List<LayerActivations> _layers = [];

    public IReadOnlyList<LayerActivations> Layers => _layers;

    /// <summary>Residual stream after the last block (t, d), before the final RMSNorm.</summary>
    public float[]? FinalInput { get; internal set; }

    internal void Add(LayerActivations layer) => _layers.Add(layer);
}
