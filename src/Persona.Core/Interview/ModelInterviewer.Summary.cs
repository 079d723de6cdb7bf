using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;
using Persona.Core.Llm;
using Persona.Core.Llm.Structured;

namespace Persona.Core.Interview;

/// <summary>The summarizer role's draft, checked against the fields the configuration allows and the answers that exist.</summary>
internal sealed partial class ModelInterviewer
{
    public async Task<InterviewDraft> SummarizeAsync(InterviewSession session, InterviewConfig config, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var offline = ScriptedInterviewer.Summarize(session, config, now);
        var allowed = AllowedPaths(config).ToHashSet(StringComparer.Ordinal);
        var answerIds = session.Answers.Where(a => !a.Skipped).Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
        var ask = new StringBuilder();
        ask.Append("Summarize this interview into persona fields. Allowed paths: ").AppendJoin(", ", allowed)
            .Append(". Lists are arrays of short phrases in the person's words; other fields are short texts. Give each field a ")
            .Append("confidence between 0 and 1 and the ids of the answers it came from. Leave out anything about health, sexuality ")
            .Append("or finances. Add a two-sentence summary addressed to the person.\n");
        AppendTranscript(ask, session, session.Questions.Count);
        var request = new StructuredRequest<ModelDraftReply>(
            [new ChatMessage(ChatRole.System, Guidance), new ChatMessage(ChatRole.User, ask.ToString())],
            DraftSchema, "persona_draft", ModelRepliesJsonContext.Default.ModelDraftReply,
            () => new ModelDraftReply([.. offline.Fields.Select(f => new ModelDraftField(f.Path, f.Value, f.Confidence, f.AnswerIds))], offline.Summary))
        {
            ChatOptions = _llm.ChatOptionsFor(LlmRole.Summarizer),
            Check = reply => reply.Fields.SelectMany(f => Problems(f, allowed, answerIds)),
        };
        var result = await StructuredChat.RequestAsync(_llm.GetClient(LlmRole.Summarizer), request, cancellationToken).ConfigureAwait(false);
        if (result.Provenance.Path == LlmPath.Offline)
            return offline with { Source = result.Provenance };
        var fields = result.Value.Fields
            .Select(f => new DraftField(f.Path, Clean(f.Value, config), Math.Round(f.Confidence, 2), f.AnswerIds))
            .Where(f => f.Value is not null)
            .OrderBy(f => f.Path, StringComparer.Ordinal)
            .ToList();
        return new InterviewDraft(session.SessionId, session.ProfileId, now, fields, result.Value.Summary, result.Provenance);
    }

    internal static IEnumerable<string> AllowedPaths(InterviewConfig config) => config.Categories.SelectMany(c => c.Shape switch
    {
        DraftShape.Goals => new[] { c.Field + ".shortTerm", c.Field + ".longTerm" },
        DraftShape.Style => [c.Field + ".communicationStyle", c.Field + ".traits"],
        _ => [c.Field],
    });

    private static IEnumerable<string> Problems(ModelDraftField field, HashSet<string> allowed, HashSet<string> answerIds)
    {
        if (!allowed.Contains(field.Path))
            yield return $"field path '{field.Path}' is not one of the allowed paths";
        foreach (var id in field.AnswerIds.Where(id => !answerIds.Contains(id)))
            yield return $"field '{field.Path}' cites answer '{id}', which does not exist";
    }

    /// <summary>Drops list items and texts that touch a sensitive topic (the local privacy guardrail).</summary>
    private static JsonNode? Clean(JsonNode? value, InterviewConfig config)
    {
        switch (value)
        {
            case JsonArray array:
                var kept = new JsonArray();
                foreach (var item in array)
                {
                    if (item is JsonValue v && v.TryGetValue<string>(out var s) && !string.IsNullOrWhiteSpace(s) && !AnswerText.TouchesSensitive(s, config.SensitiveTopics))
                        kept.Add(JsonValue.Create(s.Trim()));
                }

                return kept.Count == 0 ? null : kept;
            case JsonValue text when text.TryGetValue<string>(out var s):
                var sentences = AnswerText.Sentences(s).Where(x => !AnswerText.TouchesSensitive(x, config.SensitiveTopics)).ToList();
                return sentences.Count == 0 ? null : JsonValue.Create(string.Join(' ', sentences));
            default:
                return null;
        }
    }
}
