using System.Globalization;

namespace Persona.Core.Interview;

/// <summary>
/// Decides what comes after an answer. A short, vague or rich answer earns a reflective follow-up on
/// the same thread (up to the configured number in a row); otherwise the least-covered category is
/// next (ties: configuration order; a category just skipped is not asked again straight away). A
/// skipped question or an answer touching a sensitive topic is never followed up. The interview stops
/// when every category is done (target reached, declined or out of questions) or the budget is spent.
/// </summary>
internal static class InterviewPlanner
{
    public static PlannerDecision Decide(InterviewSession session, InterviewConfig config)
    {
        var coverage = CoverageCalculator.Compute(session, config);
        if (session.Questions.Count >= session.QuestionBudget)
            return new PlannerDecision(PlannerAction.Stop, null, null, string.Create(CultureInfo.InvariantCulture, $"question budget of {session.QuestionBudget} spent"));

        var open = coverage.Where(c => !c.IsDone && !Exhausted(session, config, c.Category)).ToList();
        if (open.Count == 0)
            return new PlannerDecision(PlannerAction.Stop, null, null, "every category reached its coverage target (or was declined)");

        var lastAnswer = session.Answers.Count > 0 ? session.Answers[^1] : null;
        var lastQuestion = lastAnswer is null ? null : session.Question(lastAnswer.QuestionId);
        var analysis = lastAnswer is null ? null : session.Analyses.Find(a => a.AnswerId == lastAnswer.Id);
        if (lastAnswer is { Skipped: false } && lastQuestion is not null && analysis is not null)
        {
            var followUps = TrailingFollowUps(session);
            var categoryOpen = open.Exists(c => c.Category == lastQuestion.Category);
            if (analysis.SensitiveTopics.Count == 0 && categoryOpen && followUps < config.MaxFollowUps
                && analysis.Richness is AnswerRichness.Brief or AnswerRichness.Vague or AnswerRichness.Rich)
            {
                return new PlannerDecision(PlannerAction.FollowUp, lastQuestion.Category, lastAnswer.Id,
                    $"{analysis.Richness.ToString().ToLowerInvariant()} answer: reflective follow-up on the same thread");
            }
        }

        var candidates = open;
        if (lastAnswer is { Skipped: true } && lastQuestion is not null && open.Count > 1)
            candidates = [.. open.Where(c => c.Category != lastQuestion.Category)];
        var next = candidates.OrderBy(c => c.Coverage / c.Target).ThenBy(c => IndexOf(config, c.Category)).First();
        return new PlannerDecision(PlannerAction.NextCategory, next.Category, null,
            string.Create(CultureInfo.InvariantCulture, $"least-covered category {next.Category} ({next.Coverage:0.##} of {next.Target:0.##})"));
    }

    /// <summary>Seed questions of the category not yet asked, in order.</summary>
    public static IEnumerable<string> UnaskedSeeds(InterviewSession session, InterviewConfig config, string category)
    {
        var asked = session.Questions.Where(q => q.Category == category && q.Kind == InterviewQuestionKind.Seed).Count();
        return config.Category(category)?.Questions.Skip(asked) ?? [];
    }

    private static bool Exhausted(InterviewSession session, InterviewConfig config, string category) =>
        !UnaskedSeeds(session, config, category).Any();

    private static int TrailingFollowUps(InterviewSession session)
    {
        var count = 0;
        for (var i = session.Questions.Count - 1; i >= 0 && session.Questions[i].Kind == InterviewQuestionKind.FollowUp; i--)
            count++;
        return count;
    }

    private static int IndexOf(InterviewConfig config, string category)
    {
        for (var i = 0; i < config.Categories.Count; i++)
        {
            if (config.Categories[i].Id == category)
                return i;
        }

        return int.MaxValue;
    }
}
