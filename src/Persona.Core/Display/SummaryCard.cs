using System.Text;

namespace Persona.Core.Display;

/// <summary>
/// A titled card of key/value lines, in the order given: the summary of a stage report or a dataset
/// (e.g. "Messages: 1234", "Skipped: 3"). Keys and values are HTML-escaped.
/// </summary>
[TypeFormatterSource(typeof(HtmlDisplayFormatterSource), PreferredMimeTypes = [DisplayMimeTypes.Html, DisplayMimeTypes.PlainText])]
public sealed class SummaryCard : IHtmlDisplayable
{
    public SummaryCard(string title, params IEnumerable<(string Key, object? Value)> entries)
    {
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(entries);
        Title = title;
        Entries = [.. entries.Select(e => new KeyValuePair<string, string>(e.Key ?? string.Empty, DisplayValueText.Format(e.Value)))];
    }

    private SummaryCard(string title, IReadOnlyList<KeyValuePair<string, string>> entries)
    {
        Title = title;
        Entries = entries;
    }

    public string Title { get; }

    /// <summary>The lines of the card, values already formatted as text.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Entries { get; }

    /// <summary>A new card with one more line at the end.</summary>
    public SummaryCard With(string key, object? value)
    {
        ArgumentNullException.ThrowIfNull(key);
        return new SummaryCard(Title, [.. Entries, new KeyValuePair<string, string>(key, DisplayValueText.Format(value))]);
    }

    public string ToHtml()
    {
        var html = new StringBuilder();
        html.Append("<div class=\"persona-card\" style=\"display:inline-block;border:1px solid #888;border-radius:4px;padding:6px 12px;margin:4px 0\">");
        HtmlText.Append(html.Append("<div style=\"font-weight:bold;margin-bottom:4px\">"), Title).Append("</div>");
        html.Append("<table style=\"border-collapse:collapse\"><tbody>");
        foreach (var (key, value) in Entries)
        {
            HtmlText.Append(html.Append("<tr><th style=\"text-align:left;padding:1px 12px 1px 0;font-weight:normal;opacity:0.75\">"), key);
            HtmlText.Append(html.Append("</th><td style=\"padding:1px 0\">"), value).Append("</td></tr>");
        }

        html.Append("</tbody></table></div>");
        return html.ToString();
    }

    public string ToPlainText()
    {
        var width = Entries.Count == 0 ? 0 : Entries.Max(e => e.Key.Length);
        var text = new StringBuilder(Title);
        foreach (var (key, value) in Entries)
            text.Append('\n').Append("  ").Append((key + ":").PadRight(width + 2)).Append(value.ReplaceLineEndings(" "));
        return text.ToString();
    }

    public override string ToString() => ToPlainText();
}
