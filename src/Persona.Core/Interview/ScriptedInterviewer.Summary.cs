using System.Text.Json.Nodes;

namespace Persona.Core.Interview;

/// <summary>The offline summarizer: turns each category's answers into draft fields in the person's own words.</summary>
internal sealed partial class ScriptedInterviewer
{
    private const int MaxListItems = 8;
    private const int MaxTextLength = 600;

    private static readonly string[] LongTermCues =
    [
        "long term", "long-term", "long run", "someday", "one day", "eventually", "years", "decade", "decades", "lifetime",
        "retire", "retirement", "in the future",
    ];

    private static readonly string[] ShortTermCues =
    [
        "month", "months", "week", "weeks", "this year", "soon", "right now", "currently", "next quarter", "spring", "summer",
        "autumn", "winter",
    ];

    private static readonly string[] TraitWords =
    [
        "direct", "concise", "brief", "blunt", "friendly", "warm", "patient", "curious", "analytical", "precise", "detailed",
        "thorough", "calm", "honest", "pragmatic", "practical", "thoughtful", "structured", "casual", "informal", "formal",
        "humorous", "funny", "playful", "collaborative", "skeptical", "enthusiastic", "empathetic", "kind", "logical",
        "reflective", "straightforward", "polite", "quiet", "outspoken", "organized", "creative", "systematic",
    ];

    internal static InterviewDraft Summarize(InterviewSession session, InterviewConfig config, DateTimeOffset now)
    {
        var coverage = CoverageCalculator.Compute(session, config);
        var fields = new List<DraftField>();
        foreach (var category in config.Categories)
        {
            var turns = Turns(session, category.Id).ToList();
            if (turns.Count == 0)
                continue;
            var cov = coverage.First(c => c.Category == category.Id);
            var confidence = Math.Round(Math.Min(1.0, cov.Coverage / cov.Target) * (turns.Count >= 2 ? 0.9 : 0.7), 2);
            var ids = turns.Select(t => t.Answer.Id).ToList();
            switch (category.Shape)
            {
                case DraftShape.List:
                    AddList(fields, category.Field, turns.SelectMany(t => t.Analysis.KeyPhrases), confidence, ids);
                    break;
                case DraftShape.Text:
                    AddText(fields, category.Field, turns.SelectMany(t => Sentences(t.Answer.Content, config).Take(2)), confidence, ids);
                    break;
                case DraftShape.Goals:
                    var goals = turns.SelectMany(t => Sentences(t.Answer.Content, config).Select(s => (Sentence: s, t.Answer.Id, LongTerm: IsLongTerm(session, t.Question, s)))).ToList();
                    AddList(fields, category.Field + ".shortTerm", goals.Where(g => !g.LongTerm).Select(g => Clause(g.Sentence)), confidence, [.. goals.Where(g => !g.LongTerm).Select(g => g.Id).Distinct()]);
                    AddList(fields, category.Field + ".longTerm", goals.Where(g => g.LongTerm).Select(g => Clause(g.Sentence)), confidence, [.. goals.Where(g => g.LongTerm).Select(g => g.Id).Distinct()]);
                    break;
                case DraftShape.Style:
                    AddText(fields, category.Field + ".communicationStyle", turns.SelectMany(t => Sentences(t.Answer.Content, config).Take(2)), confidence, ids);
                    var text = string.Join(' ', turns.Select(t => t.Answer.Content));
                    var words = AnswerText.Words(text).Select(w => w.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
                    var traits = TraitWords.Where(words.Contains).ToList();
                    AddList(fields, category.Field + ".traits", traits, Math.Round(confidence * (traits.Count > 0 ? 1.0 : 0.5), 2), ids);
                    break;
            }
        }

        var reflections = session.Analyses.Where(a => a.Richness != AnswerRichness.Skipped && a.SensitiveTopics.Count == 0)
            .Select(a => a.KeyPhrases.Count > 0 ? a.KeyPhrases[0] : null).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).Take(6).ToList();
        var summary = reflections.Count == 0
            ? "The interview gave too little to summarize."
            : $"Here is what I heard: {string.Join(", ", reflections)}. Did I get that right?";
        return new InterviewDraft(session.SessionId, session.ProfileId, now, fields, summary, Offline);
    }

    private static IEnumerable<(InterviewQuestion Question, InterviewAnswer Answer, AnswerAnalysis Analysis)> Turns(InterviewSession session, string category)
    {
        foreach (var answer in session.Answers)
        {
            if (answer.Skipped || session.Question(answer.QuestionId) is not { } question || question.Category != category)
                continue;
            if (session.Analyses.Find(a => a.AnswerId == answer.Id) is { } analysis)
                yield return (question, answer, analysis);
        }
    }

    /// <summary>The answer's sentences without those touching a sensitive topic: private details never become persona fields.</summary>
    private static IEnumerable<string> Sentences(string answer, InterviewConfig config) =>
        AnswerText.Sentences(answer).Where(s => !AnswerText.TouchesSensitive(s, config.SensitiveTopics));

    private static bool IsLongTerm(InterviewSession session, InterviewQuestion question, string sentence)
    {
        if (HasCue(sentence, ShortTermCues))
            return false;
        if (HasCue(sentence, LongTermCues))
            return true;
        // A sentence answering a question about the years ahead (or a follow-up on such an answer) is long term.
        var root = question.FollowsAnswerId is { } followed && session.Answer(followed) is { } a ? session.Question(a.QuestionId) ?? question : question;
        return HasCue(root.Prompt, LongTermCues);
    }

    private static bool HasCue(string text, string[] cues)
    {
        var words = " " + string.Join(' ', AnswerText.Words(text).Select(w => w.ToLowerInvariant())) + " ";
        return cues.Any(c => words.Contains(" " + c + " ", StringComparison.Ordinal));
    }

    private static string Clause(string sentence)
    {
        var trimmed = sentence.Trim().TrimEnd('.', '!', '?');
        var words = trimmed.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length <= 20 ? trimmed : string.Join(' ', words.Take(20)) + " …";
    }

    private static void AddList(List<DraftField> fields, string path, IEnumerable<string> items, double confidence, IReadOnlyList<string> ids)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var values = items.Where(i => !string.IsNullOrWhiteSpace(i) && seen.Add(i.Trim())).Take(MaxListItems).ToList();
        if (values.Count == 0)
            return;
        var array = new JsonArray();
        foreach (var value in values)
            array.Add(JsonValue.Create(value.Trim()));
        fields.Add(new DraftField(path, array, confidence, ids));
    }

    private static void AddText(List<DraftField> fields, string path, IEnumerable<string> sentences, double confidence, IReadOnlyList<string> ids)
    {
        var text = string.Join(' ', sentences.Select(s => s.Trim()));
        if (text.Length == 0)
            return;
        if (text.Length > MaxTextLength)
            text = text[..MaxTextLength].TrimEnd() + " …";
        fields.Add(new DraftField(path, JsonValue.Create(text), confidence, ids));
    }
}
