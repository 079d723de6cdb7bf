namespace Persona.Core.Categorization;

/// <summary>How many messages have a value of a facet (topic, tone, …) and their share of all messages.</summary>
public sealed record CategoryCount(string Facet, string Value, int Count, double Share);
