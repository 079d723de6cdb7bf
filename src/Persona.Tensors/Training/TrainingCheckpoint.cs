namespace Persona.Tensors.Training;

/// <summary>
/// The resumable state of a run after <see cref="Step"/> optimizer steps: the data position follows from the
/// step (each epoch's order is derived from the seed), the dropout generator's state, the loss curve so far and
/// the file holding the adapter and AdamW moments.
/// </summary>
public sealed record TrainingCheckpoint
{
    public required int Step { get; init; }

    public required ulong Seed { get; init; }

    public required long TokensSeen { get; init; }

    public required ulong[] RandomState { get; init; }

    public required string TensorFile { get; init; }

    public required double ElapsedSeconds { get; init; }

    public required List<LossPoint> Curve { get; init; }
}
