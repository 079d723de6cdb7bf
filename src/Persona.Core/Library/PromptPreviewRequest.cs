namespace Persona.Core.Library;

/// <summary>What to preview: the system prompt a context would get.</summary>
/// <param name="ContextId">The context.</param>
/// <param name="OverridePersonaId">Optional override, validated as in resolution.</param>
/// <param name="Template">
/// Optional prompt template: <c>{{PERSONA}}</c> marks where the persona's instructions go (they are
/// put first when it is absent); <c>{{USER_PERSONA…}}</c> placeholders are filled from the core persona.
/// </param>
public sealed record PromptPreviewRequest(string ContextId, string? OverridePersonaId = null, string? Template = null);
