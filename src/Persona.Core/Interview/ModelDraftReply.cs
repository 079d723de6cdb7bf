namespace Persona.Core.Interview;

/// <summary>A model's persona draft (structured answer of the summarizer role).</summary>
internal sealed record ModelDraftReply(IReadOnlyList<ModelDraftField> Fields, string Summary);
