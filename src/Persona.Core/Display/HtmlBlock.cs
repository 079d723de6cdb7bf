using System.Text;

namespace Persona.Core.Display;

/// <summary>
/// A piece of a page: a heading, a paragraph of escaped text, or HTML the caller vouches for.
/// Used to put prose between figures and tables in reports.
/// </summary>
[TypeFormatterSource(typeof(HtmlDisplayFormatterSource), PreferredMimeTypes = [DisplayMimeTypes.Html, DisplayMimeTypes.PlainText])]
public sealed class HtmlBlock : IHtmlDisplayable
{
    private readonly string _html;
    private readonly string _text;

    private HtmlBlock(string html, string text)
    {
        _html = html;
        _text = text;
    }

    /// <summary>A heading (level 1–6); the text is escaped.</summary>
    public static HtmlBlock Heading(string text, int level = 2)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(level, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(level, 6);
        return new HtmlBlock($"<h{level}>{HtmlText.Encode(text)}</h{level}>", text);
    }

    /// <summary>A paragraph of plain text; escaped, line breaks kept.</summary>
    public static HtmlBlock Paragraph(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var html = new StringBuilder("<p>");
        HtmlText.Append(html, text.ReplaceLineEndings("\n")).Replace("\n", "<br/>").Append("</p>");
        return new HtmlBlock(html.ToString(), text);
    }

    /// <summary>Markup inserted as given. Only for HTML the caller built and trusts, never for data.</summary>
    public static HtmlBlock TrustedHtml(string html, string plainText)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(plainText);
        return new HtmlBlock(html, plainText);
    }

    public string ToHtml() => _html;

    public string ToPlainText() => _text;

    public override string ToString() => _text;
}
