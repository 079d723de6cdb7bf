using System.Text.Json;
using Microsoft.Extensions.AI;
using Persona.Core.Llm;
using Persona.Core.Llm.Structured;

namespace Persona.Core.Training.Synthetic;

/// <summary>
/// Asks the responder model for the user turn of one opener — the message the person's opening message most
/// plausibly answers — through the structured-output path (schema, validation, one repair), or takes it
/// from the cache. Temperature 0 and the dataset seed are sent so a server that honours them answers the
/// same way twice. A failure is returned as such; nothing is ever made up when the model gives no answer.
/// </summary>
internal sealed class SyntheticPromptWriter
{
    /// <summary>Bump whenever <see cref="Instructions"/>, <see cref="Brief"/> or the schema change: cached answers to another version are not reused.</summary>
    public const string PromptVersion = "1";

    public const string CacheFileName = "synthetic_prompts.cache.jsonl";

    private const int AnchorLength = 60;

    private const string Instructions =
        "You reconstruct the missing first turn of a conversation. You get a message that a person wrote to open a conversation "
        + "with an assistant. It will be used as the person's reply, so write the message it replies to: the short message from the "
        + "other party that the person's message most plausibly answers, so that the person's message reads as a natural answer to it. "
        + "Write it in the same language as the person's message, as the other party speaking to the person. Do not answer the person's "
        + "message, do not repeat or quote it, and add no names, facts or details that the person's message does not imply. "
        + "One to three sentences. Answer with a JSON object {\"prompt\": \"...\"}.";

    private static readonly JsonElement Schema = JsonDocument.Parse("""
        {"type":"object",
         "properties":{"prompt":{"type":"string","minLength":1,"maxLength":1000,"description":"The message the person's message answers."}},
         "required":["prompt"],"additionalProperties":false}
        """).RootElement.Clone();

    private readonly IChatClient _client;
    private readonly ChatOptions _chatOptions;
    private readonly string _provider;
    private readonly string _model;
    private readonly SyntheticPromptCache _cache;

    public SyntheticPromptWriter(IChatClient client, string provider, string model, int seed, SyntheticPromptCache cache)
    {
        _client = client;
        _provider = provider;
        _model = model;
        _cache = cache;
        _chatOptions = new ChatOptions { ModelId = model, Temperature = 0f, Seed = seed };
    }

    /// <summary>The user turn for <paramref name="opener"/>, or the reason there is none.</summary>
    public async Task<(string? Prompt, SyntheticPromptOutcome Outcome, string? Failure)> WriteAsync(Candidate opener, CancellationToken cancellationToken)
    {
        var key = new SyntheticPromptKey(opener.Id, _provider, _model, PromptVersion, LoraDataWriter.Sha256(opener.Text));
        if (_cache.TryGet(key, out var cached))
            return (cached, SyntheticPromptOutcome.FromCache, null);

        var request = new StructuredRequest<SyntheticPromptAnswer>(
            [new ChatMessage(ChatRole.System, Instructions), new ChatMessage(ChatRole.User, Brief(opener.Text))],
            Schema, "opening_prompt", SyntheticPromptJsonContext.Default.SyntheticPromptAnswer,
            // This step has no offline strategy: an offline result only marks "no answer" and is never used as a prompt.
            () => new SyntheticPromptAnswer(""))
        {
            ChatOptions = _chatOptions,
            Check = answer => Problems(answer, opener.Text),
        };
        StructuredResult<SyntheticPromptAnswer> result;
        try
        {
            result = await StructuredChat.RequestAsync(_client, request, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // A remote model's client may fail in ways StructuredChat does not map; one opener's failure must
            // not end the run or lose the other answers, so it is reported with the message id instead.
            return (null, SyntheticPromptOutcome.Failed, $"{ex.GetType().Name}: {ex.Message}");
        }

        if (result.Provenance.Path == LlmPath.Offline)
            return (null, SyntheticPromptOutcome.Failed, result.Provenance.Note ?? "no valid answer");

        var prompt = result.Value.Prompt.Trim();
        var path = result.Provenance.Path == LlmPath.Repaired ? "repaired" : "model";
        await _cache.AppendAsync(SyntheticPromptCacheEntry.For(key, prompt, result.Provenance.Model, path), cancellationToken).ConfigureAwait(false);
        return (prompt, SyntheticPromptOutcome.Written, null);
    }

    private static string Brief(string text) => "The person's opening message:\n<<<\n" + text + "\n>>>";

    private static IEnumerable<string> Problems(SyntheticPromptAnswer answer, string text)
    {
        var prompt = answer.Prompt.Trim();
        if (prompt.Length == 0)
        {
            yield return "$.prompt: the prompt is blank";
            yield break;
        }

        var anchor = text.Trim();
        anchor = anchor.Length <= AnchorLength ? anchor : anchor[..AnchorLength];
        if (prompt.Contains(anchor, StringComparison.OrdinalIgnoreCase))
            yield return "$.prompt: repeats the person's message; write the message it answers instead";
    }
}
