namespace Persona.Core.Library;

/// <summary>Where one field of the core persona came from and when it was last set.</summary>
/// <param name="Source">Origin of the value.</param>
/// <param name="Confidence">0..1 when the origin gives one (interview drafts), else null.</param>
/// <param name="UpdatedAt">When the field was last set.</param>
public sealed record CoreFieldProvenance(CoreFieldSource Source, double? Confidence, DateTimeOffset UpdatedAt);
