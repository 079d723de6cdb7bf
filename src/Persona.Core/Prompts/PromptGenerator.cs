using Microsoft.Extensions.AI;
using Persona.Core.Llm;

namespace Persona.Core.Prompts;

/// <summary>
/// Synthesizes one system prompt per persona from measured patterns and real examples (offline,
/// deterministic), lets the prompt-writer model refine it when one is given, and checks that the
/// personas are distinct.
/// </summary>
public sealed class PromptGenerator
{
    private readonly PromptGenerationOptions _options;
    private readonly IChatClient? _promptWriter;
    private readonly ChatOptions? _chatOptions;

    /// <param name="options">Seed, example count, distinctness settings; null for defaults.</param>
    /// <param name="promptWriter">The prompt-writer role's client (<see cref="LlmRuntime.GetClient"/>); null runs offline only.</param>
    /// <param name="chatOptions">Model id and temperature for the prompt-writer (<see cref="LlmRuntime.ChatOptionsFor"/>).</param>
    public PromptGenerator(PromptGenerationOptions? options = null, IChatClient? promptWriter = null, ChatOptions? chatOptions = null)
    {
        _options = options ?? new PromptGenerationOptions();
        _options.Validate();
        _promptWriter = promptWriter;
        _chatOptions = chatOptions;
    }

    /// <summary>A generator whose prompt-writer comes from <paramref name="runtime"/> (offline when that role is).</summary>
    public static PromptGenerator FromRuntime(LlmRuntime runtime, PromptGenerationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        return new PromptGenerator(options, runtime.GetClient(LlmRole.PromptWriter), runtime.ChatOptionsFor(LlmRole.PromptWriter));
    }

    public async Task<GeneratedPromptSet> GenerateAsync(IReadOnlyList<PersonaMessageSet> personas, IProgress<PromptProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(personas);
        var problems = new List<string>();
        if (personas.Count == 0)
            problems.Add("no personas given");
        foreach (var duplicate in personas.GroupBy(persona => persona.Name, StringComparer.OrdinalIgnoreCase).Where(group => group.Count() > 1))
            problems.Add($"persona name “{duplicate.Key}” appears {duplicate.Count()} times");
        foreach (var persona in personas)
        {
            if (string.IsNullOrWhiteSpace(persona.Name))
                problems.Add("a persona has an empty name");
            if (persona.Messages.Count == 0)
                problems.Add($"persona “{persona.Name}” has no messages");
        }

        if (problems.Count > 0)
            throw new ArgumentException("Cannot generate prompts: " + string.Join("; ", problems), nameof(personas));

        var analyses = StyleAnalyzer.Analyze(personas);
        var prompts = new List<GeneratedPrompt>();
        for (var i = 0; i < analyses.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var analysis = analyses[i];
            var claims = ClaimWriter.Write(analysis, _options.MaxEvidencePerClaim);
            var examples = ExampleSelector.Select(analysis, _options.ExampleCount);
            var draft = PromptComposer.Compose(analysis.Source.Name, analysis.Profile.MessageCount, claims, examples);
            var refined = await PromptRefiner.RefineAsync(_promptWriter, _chatOptions, analysis.Source.Name, draft, claims, examples, cancellationToken).ConfigureAwait(false);
            var generator = refined.Provenance.Path == LlmPath.Offline && _promptWriter is null
                ? LlmProvenance.Offline("offline synthesis from measured patterns (no prompt-writer model configured)")
                : refined.Provenance;
            prompts.Add(new GeneratedPrompt(analysis.Source.Name, refined.Value.Prompt, analysis.Source.SourceCluster, analysis.Profile.MessageCount,
                claims, examples, analysis.Profile, generator, _options.Seed));
            progress?.Report(new PromptProgress(analysis.Source.Name, i + 1, analyses.Count));
        }

        var distinctness = DistinctnessAnalyzer.Analyze(analyses, _options);
        return new GeneratedPromptSet(GeneratedPromptSet.CurrentFormatVersion, _options.Seed, prompts, distinctness);
    }
}
