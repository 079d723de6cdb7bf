namespace Persona.Tensors.Generation;

/// <summary>
/// How the next token is chosen: temperature 0 is greedy argmax; otherwise softmax(logits / temperature)
/// restricted to the smallest set whose probability reaches <see cref="TopP"/>, drawn with a generator
/// seeded by <see cref="Seed"/> (the same seed gives the same text).
/// </summary>
public sealed record SamplingOptions
{
    public float Temperature { get; init; }

    public float TopP { get; init; } = 1f;

    public int Seed { get; init; }

    public static SamplingOptions Greedy { get; } = new();

    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (!(Temperature >= 0) || float.IsInfinity(Temperature))
            problems.Add($"temperature must be a finite number ≥ 0 (got {Temperature})");
        if (!(TopP > 0 && TopP <= 1))
            problems.Add($"top-p must be in (0, 1] (got {TopP})");
        return problems;
    }
}
