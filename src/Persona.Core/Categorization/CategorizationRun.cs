namespace Persona.Core.Categorization;

/// <summary>The outcome of <see cref="CategorizationStage.RunAsync"/>: categories aligned with the messages, their distribution, and whether an earlier result was reused.</summary>
public sealed record CategorizationRun(IReadOnlyList<MessageCategories> Categories, CategoryDistribution Distribution, CategorizationInfo Info, bool Reused, string OutputPath);
