using System.Globalization;
using System.Text;

namespace Persona.Core.Display;

/// <summary>
/// A progress display value: a label, a bar and a percentage. Immutable; a notebook shows it once and
/// replaces it as work advances (<c>var shown = display(bar); … shown.Update(bar.WithCompleted(n));</c>).
/// A <see cref="Total"/> of zero means the total is unknown: only the count is shown.
/// </summary>
[TypeFormatterSource(typeof(HtmlDisplayFormatterSource), PreferredMimeTypes = [DisplayMimeTypes.Html, DisplayMimeTypes.PlainText])]
public sealed record ProgressBar : IHtmlDisplayable
{
    private const int PlainTextBarWidth = 30;

    public ProgressBar(string label, long completed, long total)
    {
        ArgumentNullException.ThrowIfNull(label);
        ArgumentOutOfRangeException.ThrowIfNegative(completed);
        ArgumentOutOfRangeException.ThrowIfNegative(total);
        Label = label;
        Completed = completed;
        Total = total;
    }

    public string Label { get; }

    public long Completed { get; }

    public long Total { get; }

    /// <summary>Completed share in [0, 1]; null when the total is unknown.</summary>
    public double? Fraction => Total == 0 ? null : Math.Clamp((double)Completed / Total, 0, 1);

    /// <summary>Whole percentage, rounded down so 100% means done; null when the total is unknown.</summary>
    public int? Percent => Fraction is { } f ? (int)Math.Floor(f * 100) : null;

    public ProgressBar WithCompleted(long completed) => new(Label, completed, Total);

    public ProgressBar Advance(long by = 1) => new(Label, Completed + by, Total);

    public string ToHtml()
    {
        var html = new StringBuilder();
        html.Append("<div class=\"persona-progress\" style=\"font-family:sans-serif;margin:2px 0\">");
        HtmlText.Append(html.Append("<span style=\"display:inline-block;min-width:12em\">"), Label).Append("</span> ");
        if (Percent is { } percent)
        {
            html.Append("<span style=\"display:inline-block;width:240px;height:0.9em;border:1px solid #888;vertical-align:middle\">")
                .Append("<span style=\"display:block;height:100%;background:#4c78a8;width:").Append(percent).Append("%\"></span></span> ");
            html.Append("<span>").Append(percent).Append("% (").Append(Count()).Append(")</span>");
        }
        else
        {
            html.Append("<span>").Append(Count()).Append("</span>");
        }

        html.Append("</div>");
        return html.ToString();
    }

    public string ToPlainText()
    {
        if (Fraction is not { } fraction)
            return $"{Label} {Count()}";

        var filled = (int)Math.Floor(fraction * PlainTextBarWidth);
        return $"{Label} [{new string('#', filled)}{new string('-', PlainTextBarWidth - filled)}] {Percent}% ({Count()})";
    }

    public override string ToString() => ToPlainText();

    private string Count() => Total == 0
        ? Completed.ToString(CultureInfo.InvariantCulture)
        : string.Create(CultureInfo.InvariantCulture, $"{Completed}/{Total}");
}
