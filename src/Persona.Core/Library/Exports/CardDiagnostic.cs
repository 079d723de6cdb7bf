namespace Persona.Core.Library.Exports;

/// <summary>A problem found in an imported card, with where it is (source name and JSON path).</summary>
/// <param name="Location">e.g. <c>card.json $.data.name</c>.</param>
/// <param name="Message">What is wrong.</param>
/// <param name="IsError">True when the card cannot be imported; false for a warning.</param>
public sealed record CardDiagnostic(string Location, string Message, bool IsError);
