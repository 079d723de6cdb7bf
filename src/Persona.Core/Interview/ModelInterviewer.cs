using System.Text;
using System.Text.Json;
using Microsoft.Extensions.AI;
using Persona.Core.Llm;
using Persona.Core.Llm.Structured;

namespace Persona.Core.Interview;

/// <summary>
/// The interviewer with a model: the psychotherapist role writes questions and analyses answers, the
/// summarizer role writes the draft, each through a JSON schema with one repair retry and the scripted
/// interviewer as fallback. Every result records which path produced it. The privacy guardrails are
/// also enforced locally: sensitive words found by the configured lexicon are added to the model's own
/// findings, and draft values touching them are dropped.
/// </summary>
internal sealed partial class ModelInterviewer : IInterviewer
{
    private const string Guidance =
        "You are a warm, non-judgmental interviewer trained in motivational interviewing. You help a person describe " +
        "their values, goals, communication style, biography and current focus so an assistant can understand them. " +
        "Ask one open question at a time. Use affirmations, and reflections that reuse the person's own words. Never " +
        "press for details about health, sexuality or finances: if an answer touches them, acknowledge it briefly and " +
        "move on. The person may skip any question. Answer only with the JSON object requested.";

    private static readonly JsonElement QuestionSchema = Schema("""
        {"type":"object","additionalProperties":false,"required":["question"],
         "properties":{"question":{"type":"string","minLength":5,"maxLength":400}}}
        """);

    private static readonly JsonElement AnalysisSchema = Schema("""
        {"type":"object","additionalProperties":false,"required":["richness","keyPhrases","sensitiveTopics","reflection"],
         "properties":{
           "richness":{"type":"string","enum":["brief","vague","adequate","rich"]},
           "keyPhrases":{"type":"array","maxItems":6,"items":{"type":"string","minLength":2,"maxLength":80}},
           "sensitiveTopics":{"type":"array","items":{"type":"string"}},
           "reflection":{"type":"string","minLength":3,"maxLength":400}}}
        """);

    private static readonly JsonElement DraftSchema = Schema("""
        {"type":"object","additionalProperties":false,"required":["fields","summary"],
         "properties":{
           "summary":{"type":"string","maxLength":1200},
           "fields":{"type":"array","items":{"type":"object","additionalProperties":false,
             "required":["path","value","confidence","answerIds"],
             "properties":{
               "path":{"type":"string"},
               "value":{"type":["string","array"],"items":{"type":"string"}},
               "confidence":{"type":"number","minimum":0,"maximum":1},
               "answerIds":{"type":"array","items":{"type":"string"}}}}}}}
        """);

    private readonly LlmRuntime _llm;

    public ModelInterviewer(LlmRuntime llm)
    {
        _llm = llm;
    }

    public async Task<(string Prompt, LlmProvenance Source)> WriteQuestionAsync(InterviewSession session, InterviewConfig config, PlannerDecision decision, CancellationToken cancellationToken)
    {
        var fallback = ScriptedInterviewer.WriteQuestion(session, config, decision);
        var category = config.Category(decision.Category!)!;
        var ask = new StringBuilder();
        ask.Append("Category: ").Append(category.Title).Append('\n');
        if (decision.Action == PlannerAction.FollowUp)
            ask.Append("Write one short reflective follow-up on the person's last answer, quoting their own words, ending with an open question.\n");
        else
            ask.Append("Write the next open question for this category, adapting this configured question: ")
                .Append(InterviewPlanner.UnaskedSeeds(session, config, category.Id).First()).Append('\n');
        AppendTranscript(ask, session, 6);
        var request = new StructuredRequest<ModelQuestionReply>(
            [new ChatMessage(ChatRole.System, Guidance), new ChatMessage(ChatRole.User, ask.ToString())],
            QuestionSchema, "interview_question", ModelRepliesJsonContext.Default.ModelQuestionReply,
            () => new ModelQuestionReply(fallback))
        {
            ChatOptions = _llm.ChatOptionsFor(LlmRole.Psychotherapist),
            Check = reply => reply.Question.TrimEnd().EndsWith('?') ? [] : ["the question must end with a question mark"],
        };
        var result = await StructuredChat.RequestAsync(_llm.GetClient(LlmRole.Psychotherapist), request, cancellationToken).ConfigureAwait(false);
        return (result.Value.Question.Trim(), result.Provenance);
    }

    public async Task<AnswerAnalysis> AnalyzeAsync(InterviewSession session, InterviewConfig config, InterviewQuestion question, InterviewAnswer answer, CancellationToken cancellationToken)
    {
        var offline = ScriptedInterviewer.Analyze(config, question, answer);
        if (answer.Skipped)
            return offline;
        var ask = $"Question: {question.Prompt}\nAnswer ({answer.Id}): {answer.Content}\n" +
            "Judge how much the answer says (brief, vague, adequate or rich), list up to six key phrases copied exactly from " +
            "the answer, name any sensitive topics it touches (health, sexuality, finances), and write a one-sentence reflection.";
        var request = new StructuredRequest<ModelAnalysisReply>(
            [new ChatMessage(ChatRole.System, Guidance), new ChatMessage(ChatRole.User, ask)],
            AnalysisSchema, "answer_analysis", ModelRepliesJsonContext.Default.ModelAnalysisReply,
            () => new ModelAnalysisReply(offline.Richness.ToString().ToLowerInvariant(), offline.KeyPhrases, offline.SensitiveTopics, offline.Reflection))
        {
            ChatOptions = _llm.ChatOptionsFor(LlmRole.Psychotherapist),
            Check = reply => reply.KeyPhrases.Where(p => !answer.Content.Contains(p, StringComparison.OrdinalIgnoreCase))
                .Select(p => $"key phrase '{p}' does not occur in the answer"),
        };
        var result = await StructuredChat.RequestAsync(_llm.GetClient(LlmRole.Psychotherapist), request, cancellationToken).ConfigureAwait(false);
        if (result.Provenance.Path == LlmPath.Offline)
            return offline with { Source = result.Provenance };
        var reply = result.Value;
        var richness = Enum.Parse<AnswerRichness>(reply.Richness, ignoreCase: true);
        var sensitive = offline.SensitiveTopics.Union(reply.SensitiveTopics.Select(t => t.Trim().ToLowerInvariant()), StringComparer.Ordinal).ToList();
        var phrases = reply.KeyPhrases.Where(p => !AnswerText.TouchesSensitive(p, config.SensitiveTopics)).ToList();
        return new AnswerAnalysis(answer.Id, question.Id, question.Category, richness, offline.WordCount, phrases, sensitive,
            CoverageCalculator.Gain(richness), reply.Reflection, result.Provenance);
    }

    private static void AppendTranscript(StringBuilder text, InterviewSession session, int maxTurns)
    {
        text.Append("Recent transcript:\n");
        foreach (var question in session.Questions.TakeLast(maxTurns))
        {
            text.Append("Q (").Append(question.Id).Append("): ").Append(question.Prompt).Append('\n');
            if (session.Answers.Find(a => a.QuestionId == question.Id) is { } answer)
                text.Append("A (").Append(answer.Id).Append("): ").Append(answer.Skipped ? "[skipped]" : answer.Content).Append('\n');
        }
    }

    private static JsonElement Schema(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
