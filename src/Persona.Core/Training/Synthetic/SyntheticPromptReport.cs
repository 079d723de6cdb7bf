namespace Persona.Core.Training.Synthetic;

/// <summary>What the synthetic-prompt pass did, or why it did nothing.</summary>
/// <param name="Ran">True when the responder model was configured and answered the probe, so the openers were processed.</param>
/// <param name="Note">Why nothing was written (no model configured, server or model missing); null when it ran.</param>
/// <param name="Provider">The responder's configured provider (<c>ollama</c>, <c>openai-compatible</c>); null when it did not run.</param>
/// <param name="Model">The responder's configured model id (part of the cache key); null when it did not run.</param>
/// <param name="Selected">Openers chosen, over all personas.</param>
/// <param name="FromCache">Of those, answered from the cache without asking the model.</param>
/// <param name="Asked">Of those, asked of the model in this run (written or failed).</param>
/// <param name="Failures">Openers the model gave no usable answer for; they keep the generic opener.</param>
public sealed record SyntheticPromptReport(
    bool Ran,
    string? Note,
    string? Provider,
    string? Model,
    int Selected,
    int FromCache,
    int Asked,
    IReadOnlyList<SyntheticPromptFailure> Failures)
{
    /// <summary>Version of the request sent to the model (instructions and schema); part of the cache key.</summary>
    public string PromptVersion { get; init; } = SyntheticPromptWriter.PromptVersion;

    /// <summary>Examples whose user turn is now model-written.</summary>
    public int Written => Selected - Failures.Count;

    public static SyntheticPromptReport NotRun(string note) => new(false, note, null, null, 0, 0, 0, []);

    public override string ToString() => Ran
        ? $"{Written} of {Selected} openers got a synthetic user turn from {Provider} {Model} ({FromCache} from the cache, {Asked} asked, {Failures.Count} failed)"
        : "nothing written: " + Note;
}
