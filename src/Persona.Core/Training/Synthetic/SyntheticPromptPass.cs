using Persona.Core.Llm;
using Persona.Core.Llm.Configuration;

namespace Persona.Core.Training.Synthetic;

/// <summary>
/// The opt-in pass between filtering and building examples: checks that the <c>responder</c> role has a model
/// that answers, chooses each persona's openers (<see cref="LoraDataBuilder.SyntheticPromptCandidates"/>) and
/// gets a user turn for each from the cache or the model, reporting progress per opener and failures per message.
/// </summary>
internal static class SyntheticPromptPass
{
    public static async Task<SyntheticPromptSet> RunAsync(
        LoraDataBuilder builder,
        IReadOnlyList<PreparedPersona> personas,
        LlmRuntime? llm,
        string cacheFile,
        string cacheDisplayName,
        IProgress<SyntheticPromptProgress>? progress,
        CancellationToken cancellationToken)
    {
        if (llm is null)
            return SyntheticPromptSet.NotRun("no language-model configuration was given; every opener keeps the generic opener");
        var status = await llm.GetRoleStatusAsync(LlmRole.Responder, probe: true, cancellationToken).ConfigureAwait(false);
        if (status.Provider == LlmProviderKind.Offline)
        {
            return SyntheticPromptSet.NotRun(
                $"no model is configured for the responder role (configuration: {llm.Options.Source ?? "built-in, every role offline"}); "
                + $"set roles.responder.provider and model in {LlmConfigLoader.DefaultRelativePath}, or PERSONA_LLM__RESPONDER__PROVIDER and PERSONA_LLM__RESPONDER__MODEL; "
                + "every opener keeps the generic opener");
        }

        var client = llm.GetClient(LlmRole.Responder);
        if (status.Reachable != true || client is null)
            return SyntheticPromptSet.NotRun($"the responder role's model {status.Model} cannot be used: {status.Detail}; every opener keeps the generic opener");

        var provider = LlmRoleSettingsParser.Name(status.Provider);
        var model = status.Model!;
        var cache = await SyntheticPromptCache.LoadAsync(cacheFile, cacheDisplayName, cancellationToken).ConfigureAwait(false);
        var writer = new SyntheticPromptWriter(client, provider, model, builder.Options.Seed, cache);
        var prompts = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
        var failures = new List<SyntheticPromptFailure>();
        int selected = 0, fromCache = 0, asked = 0;
        foreach (var persona in personas)
        {
            var openers = builder.SyntheticPromptCandidates(persona);
            var mine = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < openers.Count; i++)
            {
                var (prompt, outcome, failure) = await writer.WriteAsync(openers[i], cancellationToken).ConfigureAwait(false);
                selected++;
                if (outcome == SyntheticPromptOutcome.FromCache)
                    fromCache++;
                else
                    asked++;
                if (prompt is not null)
                    mine[openers[i].Id] = prompt;
                else
                    failures.Add(new SyntheticPromptFailure(persona.Source.Slug, openers[i].Id, failure ?? "no answer"));
                progress?.Report(new SyntheticPromptProgress(persona.Source.Slug, i + 1, openers.Count, openers[i].Id, outcome));
            }

            prompts[persona.Source.Slug] = mine;
        }

        var report = new SyntheticPromptReport(true, null, provider, model, selected, fromCache, asked, failures);
        return new SyntheticPromptSet(report, prompts, cache.Diagnostics);
    }
}
