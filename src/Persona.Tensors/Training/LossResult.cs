namespace Persona.Tensors.Training;

/// <summary>Summed token cross-entropy over the positions that carry a label, and how many there were.</summary>
public readonly record struct LossResult(double Sum, int Tokens)
{
    public double Mean => Tokens == 0 ? double.NaN : Sum / Tokens;
}
