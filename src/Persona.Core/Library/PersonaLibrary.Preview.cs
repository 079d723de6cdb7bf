using Persona.Core.Injection;

namespace Persona.Core.Library;

/// <summary>Prompt preview: the final system prompt for a context, with its size.</summary>
public sealed partial class PersonaLibrary
{
    /// <summary>Placeholder for the persona's instructions inside a preview template.</summary>
    public const string PersonaPlaceholder = "{{PERSONA}}";

    /// <summary>
    /// Builds the exact system prompt for a request: resolves the persona (logged as a preview), puts its
    /// instructions into the template and fills user-persona placeholders from the core persona. Persona
    /// text is inserted after the template's placeholders are rendered, so it is never expanded.
    /// </summary>
    public async Task<PromptPreview> PreviewAsync(PromptPreviewRequest request, UserPersonaInjector? injector = null, ITokenCounter? tokenCounter = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        injector ??= new UserPersonaInjector();
        tokenCounter ??= EstimatedTokenCounter.Instance;
        var resolution = await ResolveAsync(new PersonaRequest(request.ContextId, request.OverridePersonaId), preview: true, cancellationToken).ConfigureAwait(false);
        var instructions = resolution.Persona.Instructions;
        var prompt = instructions;
        if (!string.IsNullOrEmpty(request.Template))
        {
            var core = await Core.GetAsync(cancellationToken).ConfigureAwait(false);
            var userPersona = core.Version == 0 ? null : core.Fields;
            var segments = request.Template.Split(PersonaPlaceholder).Select(s => injector.Render(s, userPersona)).ToList();
            prompt = segments.Count == 1 ? instructions + "\n\n" + segments[0] : string.Join(instructions, segments);
        }

        return new PromptPreview(prompt, prompt.Length, tokenCounter.CountTokens(prompt), tokenCounter.Name, tokenCounter.IsEstimate, resolution);
    }
}
