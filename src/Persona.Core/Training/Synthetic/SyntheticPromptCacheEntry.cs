using System.Text.Json.Serialization;

namespace Persona.Core.Training.Synthetic;

/// <summary>
/// One line of <c>synthetic_prompts.cache.jsonl</c>: an answer and what it was an answer to. The key is the
/// message id, provider, model, prompt version and the SHA-256 of the message text (so an edited message is asked again).
/// </summary>
internal sealed record SyntheticPromptCacheEntry(
    string MessageId,
    string Provider,
    string Model,
    string PromptVersion,
    string TextSha256,
    string Prompt,
    string? AnsweredBy,
    string Path)
{
    [JsonIgnore]
    public SyntheticPromptKey Key => new(MessageId, Provider, Model, PromptVersion, TextSha256);

    public static SyntheticPromptCacheEntry For(SyntheticPromptKey key, string prompt, string? answeredBy, string path) =>
        new(key.MessageId, key.Provider, key.Model, key.PromptVersion, key.TextSha256, prompt, answeredBy, path);
}
