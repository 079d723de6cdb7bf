using Persona.Core.Llm;

namespace Persona.Core.Interview;

/// <summary>
/// The offline interviewer: a scripted motivational-interviewing style (open questions, affirmations,
/// reflections built from the answer's own words, summaries), deterministic for a given session seed.
/// Its output is marked <see cref="LlmPath.Offline"/>; it never claims to be a model.
/// </summary>
internal sealed partial class ScriptedInterviewer : IInterviewer
{
    public const string Note = "scripted motivational-interviewing interviewer (offline)";

    private static readonly LlmProvenance Offline = LlmProvenance.Offline(Note);

    public Task<(string Prompt, LlmProvenance Source)> WriteQuestionAsync(InterviewSession session, InterviewConfig config, PlannerDecision decision, CancellationToken cancellationToken) =>
        Task.FromResult((WriteQuestion(session, config, decision), Offline));

    public Task<AnswerAnalysis> AnalyzeAsync(InterviewSession session, InterviewConfig config, InterviewQuestion question, InterviewAnswer answer, CancellationToken cancellationToken) =>
        Task.FromResult(Analyze(config, question, answer));

    public Task<InterviewDraft> SummarizeAsync(InterviewSession session, InterviewConfig config, DateTimeOffset now, CancellationToken cancellationToken) =>
        Task.FromResult(Summarize(session, config, now));

    internal static string WriteQuestion(InterviewSession session, InterviewConfig config, PlannerDecision decision)
    {
        ArgumentNullException.ThrowIfNull(decision.Category);
        var variant = Variant(session.Seed, session.Questions.Count);
        var previous = session.Analyses.Count > 0 ? session.Analyses[^1] : null;
        if (decision.Action == PlannerAction.FollowUp && decision.FollowsAnswerId is { } answerId
            && session.Answer(answerId) is { } answer && session.Analyses.Find(a => a.AnswerId == answerId) is { } analysis)
        {
            return FollowUp(answer.Content, analysis, variant);
        }

        var category = config.Category(decision.Category) ?? throw new InvalidOperationException($"unknown category {decision.Category}");
        var seed = InterviewPlanner.UnaskedSeeds(session, config, category.Id).First();
        if (session.Questions.Count == 0)
            return seed;
        var opening = previous switch
        {
            { SensitiveTopics.Count: > 0 } => "Thank you for trusting me with that; we can leave it there.",
            { Richness: AnswerRichness.Skipped } => "That's fine, we can skip that.",
            { Richness: AnswerRichness.Rich } => "Thank you, that helps me understand you.",
            _ => "Thank you.",
        };
        var sameCategory = session.Questions[^1].Category == category.Id;
        return sameCategory ? $"{opening} {seed}" : $"{opening} Let's turn to {category.Title.ToLowerInvariant()}. {seed}";
    }

    internal static string FollowUp(string answer, AnswerAnalysis analysis, int variant)
    {
        var phrases = analysis.KeyPhrases;
        switch (analysis.Richness)
        {
            case AnswerRichness.Brief:
                var quote = AnswerText.Quote(answer);
                return variant % 2 == 0
                    ? $"You said \"{quote}\". Could you tell me a little more about what that means for you?"
                    : $"\"{quote}\" — what does that look like in your day-to-day life?";
            case AnswerRichness.Vague:
                var hedged = AnswerText.Quote(AnswerText.Sentences(answer).FirstOrDefault(s => AnswerText.Hedge(s) is not null) ?? answer);
                return variant % 2 == 0
                    ? $"When you say \"{hedged}\", what comes to mind concretely? An example would help me understand."
                    : $"You mentioned \"{hedged}\". If it were clearer, what would it look like?";
            case AnswerRichness.Rich when phrases.Count >= 2:
                return variant % 2 == 0
                    ? $"It sounds like {phrases[0]} and {phrases[1]} really matter to you. What makes {phrases[0]} so important?"
                    : $"I hear {phrases[0]}, and also {phrases[1]}. How do those two fit together for you?";
            default:
                var topic = phrases.Count > 0 ? phrases[0] : AnswerText.Quote(answer, 6);
                return $"You mentioned {topic}. Can you tell me more about that?";
        }
    }

    internal static AnswerAnalysis Analyze(InterviewConfig config, InterviewQuestion question, InterviewAnswer answer)
    {
        if (answer.Skipped)
        {
            return new AnswerAnalysis(answer.Id, question.Id, question.Category, AnswerRichness.Skipped, 0, [], [], 0,
                "The person chose not to answer; not pressed.", Offline);
        }

        var words = AnswerText.Words(answer.Content).Count;
        var phrases = AnswerText.KeyPhrases(answer.Content, config.SensitiveTopics);
        var sensitive = AnswerText.SensitiveTopics(answer.Content, config.SensitiveTopics);
        var richness = words < 8 ? AnswerRichness.Brief
            : AnswerText.Hedge(answer.Content) is not null && words < 30 ? AnswerRichness.Vague
            : words >= 40 && phrases.Count >= 3 ? AnswerRichness.Rich
            : AnswerRichness.Adequate;
        var reflection = sensitive.Count > 0
            ? "The answer touches a private topic; it is acknowledged and not explored further."
            : richness switch
            {
                AnswerRichness.Rich or AnswerRichness.Adequate when phrases.Count >= 2 => $"It sounds like {phrases[0]} and {phrases[1]} matter here.",
                _ when phrases.Count >= 1 => $"It sounds like {phrases[0]} matters here.",
                _ => $"The person said: \"{AnswerText.Quote(answer.Content)}\".",
            };
        return new AnswerAnalysis(answer.Id, question.Id, question.Category, richness, words, phrases, sensitive,
            CoverageCalculator.Gain(richness), reflection, Offline);
    }

    /// <summary>A phrasing variant that depends only on the session seed and the question number, so a resumed session asks what an uninterrupted one would.</summary>
    private static int Variant(int seed, int questionNumber) =>
        new Random(unchecked((seed * 397) ^ questionNumber)).Next(2);

}
