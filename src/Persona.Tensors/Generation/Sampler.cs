namespace Persona.Tensors.Generation;

/// <summary>Picks token ids from logits according to <see cref="SamplingOptions"/>.</summary>
public sealed class Sampler
{
    private readonly SamplingOptions _options;
    private readonly Random _random;

    public Sampler(SamplingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Problems();
        if (problems.Count > 0)
            throw new ArgumentException(string.Join("; ", problems), nameof(options));
        _options = options;
        _random = new Random(options.Seed);
    }

    public int Next(ReadOnlySpan<float> logits)
    {
        if (logits.IsEmpty)
            throw new ArgumentException("no logits to sample from", nameof(logits));
        if (_options.Temperature == 0)
            return ArgMax(logits);

        // softmax(logits / T) in double, then the nucleus of probability ≥ top-p
        var max = logits[ArgMax(logits)];
        var probabilities = new double[logits.Length];
        var sum = 0.0;
        for (var i = 0; i < logits.Length; i++)
            sum += probabilities[i] = Math.Exp((logits[i] - max) / _options.Temperature);
        var order = Enumerable.Range(0, logits.Length).ToArray();
        Array.Sort(order, (a, b) => probabilities[b].CompareTo(probabilities[a]) is var c && c != 0 ? c : a.CompareTo(b));
        var kept = 0;
        var mass = 0.0;
        while (kept < order.Length && (kept == 0 || mass < _options.TopP * sum))
            mass += probabilities[order[kept++]];
        var draw = _random.NextDouble() * mass;
        for (var i = 0; i < kept; i++)
        {
            draw -= probabilities[order[i]];
            if (draw < 0)
                return order[i];
        }

        return order[kept - 1];
    }

    /// <summary>The index of the largest logit; the first one on ties, as llama2.c's argmax.</summary>
    public static int ArgMax(ReadOnlySpan<float> logits)
    {
        var best = 0;
        for (var i = 1; i < logits.Length; i++)
        {
            if (logits[i] > logits[best])
                best = i;
        }

        return best;
    }
}
