using System.Globalization;
using System.Text;
using Persona.Core.Display;

namespace Persona.Core.Interview;

/// <summary>A progress meter per category (coverage against its target) and the question count against the budget.</summary>
[TypeFormatterSource(typeof(HtmlDisplayFormatterSource), PreferredMimeTypes = [DisplayMimeTypes.Html, DisplayMimeTypes.PlainText])]
public sealed class InterviewProgressView : IHtmlDisplayable
{
    public InterviewProgressView(InterviewSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        Bars = [.. session.Coverage.Select(c => new ProgressBar(
                c.Declined ? c.Title + " (declined)" : c.Title,
                (long)Math.Round(Math.Min(c.Coverage, c.Target) * 100),
                (long)Math.Round(c.Target * 100))),
            new ProgressBar("Questions", session.Questions.Count, session.QuestionBudget)];
        Status = session.Status;
        StopReason = session.StopReason;
    }

    /// <summary>One bar per category (percent of target), then questions asked of the budget.</summary>
    public IReadOnlyList<ProgressBar> Bars { get; }

    public InterviewStatus Status { get; }

    public string? StopReason { get; }

    public string ToHtml()
    {
        var html = new StringBuilder("<div class=\"persona-interview-progress\">");
        foreach (var bar in Bars)
            html.Append(bar.ToHtml());
        HtmlText.Append(html.Append("<div style=\"opacity:0.7\">"), Caption()).Append("</div>");
        return html.Append("</div>").ToString();
    }

    public string ToPlainText() => string.Join('\n', Bars.Select(b => b.ToPlainText()).Append(Caption()));

    public override string ToString() => ToPlainText();

    private string Caption() =>
        string.Create(CultureInfo.InvariantCulture, $"status: {Status.ToString().ToLowerInvariant()}{(StopReason is null ? "" : "; " + StopReason)}");
}
