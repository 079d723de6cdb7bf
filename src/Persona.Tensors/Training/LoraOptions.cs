namespace Persona.Tensors.Training;

/// <summary>
/// The adapter's shape: rank r, alpha (scaling alpha / r, as PEFT without rsLoRA), dropout on the adapter's
/// input, and the projections it attaches to in every layer.
/// </summary>
public sealed record LoraOptions
{
    public int Rank { get; init; } = 16;

    /// <summary>An integer, as PEFT's <c>lora_alpha</c> (Ollama reads it as uint32).</summary>
    public int Alpha { get; init; } = 32;

    public float Dropout { get; init; }

    public IReadOnlyList<LoraTarget> Targets { get; init; } = [LoraTarget.Query, LoraTarget.Value];

    public float Scaling => Alpha / (float)Rank;

    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (Rank <= 0)
            problems.Add($"rank must be positive (got {Rank})");
        if (Alpha <= 0)
            problems.Add($"alpha must be positive (got {Alpha})");
        if (!(Dropout >= 0 && Dropout < 1))
            problems.Add($"dropout must be in [0, 1) (got {Dropout})");
        if (Targets is null || Targets.Count == 0)
            problems.Add("at least one target module is needed");
        else if (Targets.Distinct().Count() != Targets.Count)
            problems.Add("target modules are listed twice");
        return problems;
    }
}
