namespace Persona.Core.Import;

/// <summary>The merged rows of <c>all_messages</c> and what changed.</summary>
internal sealed record ImportMergeResult(IReadOnlyList<PersonMessage> Rows, ImportChanges Changes);
