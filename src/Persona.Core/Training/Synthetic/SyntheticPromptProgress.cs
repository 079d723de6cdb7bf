namespace Persona.Core.Training.Synthetic;

/// <summary>One opener done: which persona, how far through its openers, and what happened.</summary>
/// <param name="Persona">Slug of the persona.</param>
/// <param name="Index">1-based position among this persona's chosen openers.</param>
/// <param name="Total">Chosen openers of this persona.</param>
/// <param name="MessageId">The person's message.</param>
/// <param name="Outcome">Cached, written or failed.</param>
public readonly record struct SyntheticPromptProgress(string Persona, int Index, int Total, string MessageId, SyntheticPromptOutcome Outcome);
