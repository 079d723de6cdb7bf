namespace Persona.Core.Training;

/// <summary>What one filter removed from one persona's input.</summary>
/// <param name="Filter">The filter.</param>
/// <param name="Removed">How many it removed.</param>
/// <param name="Rule">The rule, with the option values used.</param>
/// <param name="ExampleIds">Up to ten removed ids with the reason for each (never the text).</param>
public sealed record FilterSummary(FilterKind Filter, int Removed, string Rule, IReadOnlyList<string> ExampleIds);
