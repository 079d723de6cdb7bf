namespace Persona.Tensors.Training;

/// <summary>One tokenised training sequence: ids and, per token, whether it is a loss target (assistant content).</summary>
public sealed record TrainingExample(int[] Ids, bool[] Targets)
{
    public int TargetCount => Targets.Skip(1).Count(t => t);
}
