namespace Persona.Tensors.Training;

/// <summary>Linear warm-up from 0 to the peak over <c>warmup</c> steps, then cosine decay to <c>peak·minRatio</c> at the last step.</summary>
public sealed record LearningRateSchedule(float Peak, int WarmupSteps, int TotalSteps, float MinRatio = 0f)
{
    /// <summary>The rate for optimizer step <paramref name="step"/> (0-based).</summary>
    public float At(int step)
    {
        if (WarmupSteps > 0 && step < WarmupSteps)
            return Peak * (step + 1) / WarmupSteps;
        var decaySteps = Math.Max(1, TotalSteps - WarmupSteps);
        var progress = Math.Clamp((step - WarmupSteps) / (double)decaySteps, 0, 1);
        var cosine = 0.5 * (1 + Math.Cos(Math.PI * progress));
        return (float)(Peak * (MinRatio + ((1 - MinRatio) * cosine)));
    }
}
