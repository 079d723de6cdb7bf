namespace Persona.Tensors.Training;

/// <summary>One optimizer step's report: mean train loss of the step, rate, throughput, time left; validation loss at epoch ends.</summary>
public readonly record struct TrainingProgress(
    int Step,
    int TotalSteps,
    int Epoch,
    double Loss,
    float LearningRate,
    double GradientNorm,
    double TokensPerSecond,
    TimeSpan Elapsed,
    TimeSpan Remaining,
    double? ValidationLoss);
