namespace Persona.Tensors.Training;

/// <summary>Optimisation settings of a LoRA run. Validated once by <see cref="Problems"/>.</summary>
public sealed record LoraTrainingOptions
{
    public int Epochs { get; init; } = 2;

    public float LearningRate { get; init; } = 2e-4f;

    public int WarmupSteps { get; init; } = 5;

    /// <summary>The cosine schedule ends at LearningRate × this.</summary>
    public float MinLearningRateRatio { get; init; } = 0.1f;

    public float WeightDecay { get; init; }

    /// <summary>Sequences per micro-batch.</summary>
    public int BatchSize { get; init; } = 1;

    /// <summary>Micro-batches per optimizer step.</summary>
    public int GradientAccumulation { get; init; } = 4;

    /// <summary>Global gradient-norm clip (0 = off).</summary>
    public float MaxGradNorm { get; init; } = 1f;

    /// <summary>Longer sequences are cut to this many tokens.</summary>
    public int MaxSequenceLength { get; init; } = 512;

    public ulong Seed { get; init; } = 42;

    /// <summary>Write a resumable checkpoint every this many optimizer steps (0 = never).</summary>
    public int CheckpointEvery { get; init; }

    /// <summary>Stop (as if killed) after this many optimizer steps; null = run to the end. For tests and short previews.</summary>
    public int? StopAfterSteps { get; init; }

    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (Epochs <= 0)
            problems.Add($"epochs must be positive (got {Epochs})");
        if (!(LearningRate > 0) || float.IsInfinity(LearningRate))
            problems.Add($"learning rate must be positive (got {LearningRate})");
        if (WarmupSteps < 0)
            problems.Add($"warm-up steps cannot be negative (got {WarmupSteps})");
        if (!(MinLearningRateRatio >= 0 && MinLearningRateRatio <= 1))
            problems.Add($"minimum learning-rate ratio must be in [0, 1] (got {MinLearningRateRatio})");
        if (!(WeightDecay >= 0))
            problems.Add($"weight decay cannot be negative (got {WeightDecay})");
        if (BatchSize <= 0)
            problems.Add($"batch size must be positive (got {BatchSize})");
        if (GradientAccumulation <= 0)
            problems.Add($"gradient accumulation must be positive (got {GradientAccumulation})");
        if (!(MaxGradNorm >= 0))
            problems.Add($"max gradient norm cannot be negative (got {MaxGradNorm})");
        if (MaxSequenceLength < 2)
            problems.Add($"max sequence length must be at least 2 (got {MaxSequenceLength})");
        if (CheckpointEvery < 0)
            problems.Add($"checkpoint interval cannot be negative (got {CheckpointEvery})");
        return problems;
    }
}
