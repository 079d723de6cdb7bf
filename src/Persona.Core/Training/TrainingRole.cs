namespace Persona.Core.Training;

/// <summary>Who speaks a turn of a training example.</summary>
public enum TrainingRole
{
    System,
    User,
    Assistant,
}
