using Persona.Core.Library;
using static System.FormattableString;

namespace Persona.Core.Prompts;

/// <summary>
/// Puts generated prompts into a persona library as <see cref="PersonaSource.Extracted"/> personas with the
/// stable id <c>extracted-&lt;name&gt;</c>. Re-importing is idempotent: an unchanged prompt writes nothing, a
/// changed one appends a version (history keeps the old one). Each prompt succeeds or fails on its own.
/// </summary>
public static class PromptLibraryImporter
{
    public const string IdPrefix = "extracted-";

    public static string PersonaIdFor(string name) => IdPrefix + SafePathSegment.Slug(name, "persona");

    public static async Task<PromptImportResult> ImportAsync(GeneratedPromptSet prompts, PersonaLibrary library, string? author = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(prompts);
        ArgumentNullException.ThrowIfNull(library);
        var items = new List<PromptImportItem>();
        foreach (var prompt in prompts.Prompts)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var id = PersonaIdFor(prompt.Name);
            try
            {
                items.Add(await ImportOneAsync(prompt, id, library, author, cancellationToken).ConfigureAwait(false));
            }
            catch (PersonaLibraryException ex)
            {
                items.Add(new PromptImportItem(prompt.Name, id, PromptImportOutcome.Failed, null, ex.Message));
            }
        }

        return new PromptImportResult(items);
    }

    private static async Task<PromptImportItem> ImportOneAsync(GeneratedPrompt prompt, string id, PersonaLibrary library, string? author, CancellationToken cancellationToken)
    {
        var description = Describe(prompt);
        PersonaEntry existing;
        try
        {
            existing = await library.GetAsync(id, cancellationToken).ConfigureAwait(false);
        }
        catch (PersonaLibraryException ex) when (ex.Error == PersonaLibraryError.NotFound)
        {
            var created = await library.CreateAsync(new PersonaDraft(prompt.Name, prompt.Prompt, description, PersonaSource.Extracted, id), author, cancellationToken).ConfigureAwait(false);
            return new PromptImportItem(prompt.Name, id, PromptImportOutcome.Created, created.Version, null);
        }

        if (existing.Instructions == prompt.Prompt && existing.Description == description)
            return new PromptImportItem(prompt.Name, id, PromptImportOutcome.Unchanged, existing.Version, null);
        var updated = await library.EditAsync(id, existing.Version, new PersonaChanges(Instructions: prompt.Prompt, Description: description), author,
            Invariant($"re-imported from generated prompts (seed {prompt.Seed}, {prompt.Generator.Path})"), cancellationToken).ConfigureAwait(false);
        return new PromptImportItem(prompt.Name, id, PromptImportOutcome.Updated, updated.Version, existing.IsActive ? null : "persona is deleted; restore it to use it");
    }

    private static string Describe(GeneratedPrompt prompt)
    {
        var generator = prompt.Generator.Model is null ? prompt.Generator.Path.ToString().ToLowerInvariant() : $"{prompt.Generator.Path.ToString().ToLowerInvariant()} ({prompt.Generator.Model})";
        return Invariant($"Extracted from cluster {prompt.SourceCluster ?? prompt.Name}: {prompt.MessageCount} messages, {prompt.Claims.Count} measured claims; generator {generator}.");
    }
}
