namespace Persona.Core.Library.Exports;

/// <summary>The outcome of reading a character card.</summary>
/// <param name="Draft">The persona to create; null when the card could not be used.</param>
/// <param name="Spec">The card's spec (<c>chara_card_v2</c>, <c>chara_card_v3</c>, or <c>v1</c> for a bare card); null when unknown.</param>
/// <param name="Diagnostics">Every problem found, errors and warnings.</param>
public sealed record CharacterCardImportResult(PersonaDraft? Draft, string? Spec, IReadOnlyList<CardDiagnostic> Diagnostics)
{
    public bool Succeeded => Draft is not null;
}
