namespace Persona.Core.Interview;

/// <summary>What a review decision did.</summary>
/// <param name="Choice">Apply, merge or discard.</param>
/// <param name="CoreVersion">The new core persona version (revertible through the library); null for discard.</param>
/// <param name="FieldsWritten">Fields written into the core persona.</param>
/// <param name="Conflicts">Fields a merge left unchanged because the draft disagreed.</param>
public sealed record InterviewReviewResult(ReviewChoice Choice, int? CoreVersion, IReadOnlyList<string> FieldsWritten, IReadOnlyList<MergeConflict> Conflicts);
