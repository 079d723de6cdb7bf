namespace Persona.Core.Prompts;

/// <summary>A word, opener or label with the share of messages it occurs in.</summary>
public sealed record TermShare(string Term, double Share, int Count);
