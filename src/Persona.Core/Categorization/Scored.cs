namespace Persona.Core.Categorization;

/// <summary>A categorical value with the categorizer's confidence in it (0..1).</summary>
public readonly record struct Scored<T>(T Value, double Confidence);
