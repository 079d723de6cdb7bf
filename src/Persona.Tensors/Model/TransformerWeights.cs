namespace Persona.Tensors.Model;

/// <summary>
/// All parameters of a decoder in f32. Embedding (V, d); Output (V, d) is the same array as the
/// embedding when the checkpoint ties them.
/// </summary>
public sealed class TransformerWeights
{
    public required float[] TokenEmbedding { get; init; }

    public required IReadOnlyList<LayerWeights> Layers { get; init; }

    public required float[] FinalNorm { get; init; }

    public required float[] Output { get; init; }

    /// <summary>Checks every array length against the configuration; all mismatches in one message.</summary>
    public IReadOnlyList<string> Problems(TransformerConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var problems = new List<string>();
        void Expect(float[]? array, long length, string name)
        {
            if (array is null)
                problems.Add($"{name} is missing");
            else if (array.Length != length)
                problems.Add($"{name} has {array.Length} values, expected {length}");
        }

        long d = config.Dim, v = config.VocabSize, hidden = config.HiddenDim, q = config.QDim, kv = config.KvDim;
        Expect(TokenEmbedding, v * d, "token embedding");
        Expect(Output, v * d, "output projection");
        Expect(FinalNorm, d, "final norm");
        if (Layers.Count != config.Layers)
            problems.Add($"{Layers.Count} layers loaded, config says {config.Layers}");
        for (var i = 0; i < Layers.Count; i++)
        {
            var l = Layers[i];
            Expect(l.AttentionNorm, d, $"layer {i} attention norm");
            Expect(l.Wq, q * d, $"layer {i} q projection");
            Expect(l.Wk, kv * d, $"layer {i} k projection");
            Expect(l.Wv, kv * d, $"layer {i} v projection");
            Expect(l.Wo, d * q, $"layer {i} o projection");
            Expect(l.FfnNorm, d, $"layer {i} ffn norm");
            Expect(l.Gate, hidden * d, $"layer {i} gate projection");
            Expect(l.Up, hidden * d, $"layer {i} up projection");
            Expect(l.Down, d * hidden, $"layer {i} down projection");
            if (config.AttentionBias)
            {
                Expect(l.Bq, q, $"layer {i} q bias");
                Expect(l.Bk, kv, $"layer {i} k bias");
                Expect(l.Bv, kv, $"layer {i} v bias");
            }
        }

        return problems;
    }
}
