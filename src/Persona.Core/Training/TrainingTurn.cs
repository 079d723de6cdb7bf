namespace Persona.Core.Training;

/// <summary>One turn of a training example.</summary>
/// <param name="Role">Speaker.</param>
/// <param name="Content">Text of the turn.</param>
/// <param name="Train">True when the loss is computed on this turn (the person's own words).</param>
public sealed record TrainingTurn(TrainingRole Role, string Content, bool Train);
