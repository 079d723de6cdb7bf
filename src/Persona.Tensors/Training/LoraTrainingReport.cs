namespace Persona.Tensors.Training;

/// <summary>training.json: what a trained adapter came from and how it was trained.</summary>
public sealed record LoraTrainingReport
{
    public required string BaseModel { get; init; }

    public required string BaseModelSha256 { get; init; }

    public required string DataFile { get; init; }

    public required string DataSha256 { get; init; }

    public required int TrainExamples { get; init; }

    public required int ValidationExamples { get; init; }

    public required string PromptFormat { get; init; }

    public required int Rank { get; init; }

    public required int Alpha { get; init; }

    public required float Dropout { get; init; }

    public required List<string> TargetModules { get; init; }

    public required LoraTrainingOptions Options { get; init; }

    public required ulong Seed { get; init; }

    public required int Steps { get; init; }

    public required long TokensSeen { get; init; }

    public required double ElapsedSeconds { get; init; }

    public required List<LossPoint> LossCurve { get; init; }
}
