namespace Persona.Tensors.Training;

/// <summary>What a run produced: the trained adapter (the network's own), the loss curve, and whether it ran to the end.</summary>
public sealed record LoraTrainingResult(LoraAdapter Adapter, IReadOnlyList<LossPoint> Curve, int Steps, int TotalSteps, long TokensSeen, TimeSpan Elapsed, bool Completed, bool Resumed);
