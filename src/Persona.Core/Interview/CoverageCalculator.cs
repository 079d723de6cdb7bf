namespace Persona.Core.Interview;

/// <summary>Per-category coverage from the questions asked and the interviewer's analyses.</summary>
internal static class CoverageCalculator
{
    /// <summary>Skips in one category after which the interviewer stops asking about it.</summary>
    public const int DeclineAfterSkips = 2;

    public static double Gain(AnswerRichness richness) => richness switch
    {
        AnswerRichness.Brief => 0.2,
        AnswerRichness.Vague => 0.25,
        AnswerRichness.Adequate => 0.5,
        AnswerRichness.Rich => 0.7,
        _ => 0.0,
    };

    public static List<CategoryCoverage> Compute(InterviewSession session, InterviewConfig config)
    {
        var result = new List<CategoryCoverage>(config.Categories.Count);
        foreach (var category in config.Categories)
        {
            var questionIds = session.Questions.Where(q => q.Category == category.Id).Select(q => q.Id).ToHashSet(StringComparer.Ordinal);
            var answers = session.Answers.Where(a => questionIds.Contains(a.QuestionId)).ToList();
            var gain = session.Analyses.Where(a => a.Category == category.Id).Sum(a => a.CoverageGain);
            var skipped = answers.Count(a => a.Skipped);
            result.Add(new CategoryCoverage(
                category.Id,
                category.Title,
                Math.Round(Math.Min(1.0, gain), 4),
                category.Target,
                questionIds.Count,
                answers.Count - skipped,
                skipped,
                skipped >= DeclineAfterSkips));
        }

        return result;
    }
}
