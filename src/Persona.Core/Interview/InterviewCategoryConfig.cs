namespace Persona.Core.Interview;

/// <summary>One interview category as configured.</summary>
/// <param name="Id">Short name (e.g. <c>values</c>).</param>
/// <param name="Title">Shown in progress meters.</param>
/// <param name="Target">Coverage (0..1] at which the category is done.</param>
/// <param name="Field">Core-persona path its answers go to.</param>
/// <param name="Shape">How the answers become fields.</param>
/// <param name="Questions">Open seed questions, asked in order.</param>
public sealed record InterviewCategoryConfig(string Id, string Title, double Target, string Field, DraftShape Shape, IReadOnlyList<string> Questions);
