using System.Text;
using Persona.Core.Display;

namespace Persona.Core.Interview;

/// <summary>A chat-style transcript of a session: interviewer questions on the left, answers on the right, skips marked.</summary>
[TypeFormatterSource(typeof(HtmlDisplayFormatterSource), PreferredMimeTypes = [DisplayMimeTypes.Html, DisplayMimeTypes.PlainText])]
public sealed class InterviewTranscriptView : IHtmlDisplayable
{
    private readonly InterviewSession _session;

    public InterviewTranscriptView(InterviewSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        _session = session;
    }

    public string ToHtml()
    {
        var html = new StringBuilder("<div class=\"persona-interview-transcript\" style=\"font-family:sans-serif;max-width:48em\">");
        foreach (var (question, answer) in Turns())
        {
            html.Append("<div style=\"margin:4px 25% 4px 0;padding:6px 10px;border-radius:8px;background:#eef2f7\"><small style=\"opacity:0.6\">");
            HtmlText.Append(html, $"{question.Id} · {question.Category}{(question.Kind == InterviewQuestionKind.FollowUp ? " · follow-up" : "")}").Append("</small><br>");
            HtmlText.Append(html, question.Prompt).Append("</div>");
            if (answer is null)
                continue;
            html.Append("<div style=\"margin:4px 0 4px 25%;padding:6px 10px;border-radius:8px;background:").Append(answer.Skipped ? "#f4f4f4" : "#dff0d8").Append("\">");
            HtmlText.Append(html, answer.Skipped ? "(skipped)" : answer.Content).Append("</div>");
        }

        return html.Append("</div>").ToString();
    }

    public string ToPlainText()
    {
        var text = new StringBuilder();
        foreach (var (question, answer) in Turns())
        {
            text.Append("Interviewer [").Append(question.Category).Append("]: ").Append(question.Prompt).Append('\n');
            if (answer is not null)
                text.Append("You: ").Append(answer.Skipped ? "(skipped)" : answer.Content.ReplaceLineEndings(" ")).Append('\n');
        }

        return text.ToString().TrimEnd();
    }

    public override string ToString() => ToPlainText();

    private IEnumerable<(InterviewQuestion Question, InterviewAnswer? Answer)> Turns() =>
        _session.Questions.Select(q => (q, _session.Answers.Find(a => a.QuestionId == q.Id)));
}
