using Microsoft.DotNet.Interactive.Formatting;
using Persona.Core.Display;
using Persona.Core.Tests.Plotting;

namespace Persona.Core.Tests.Display;

/// <summary>
/// The real .NET Interactive formatter (the package Polyglot Notebooks formats outputs with) picks up the
/// library's convention-based formatter source: both MIME types, in order, with the library's own text.
/// </summary>
public sealed class PolyglotFormatterTests
{
    public static TheoryData<IHtmlDisplayable> Displayables() =>
    [
        new HtmlTable(["name"], [["<script>alert(1)</script>"]]),
        new SummaryCard("Import", ("Messages", 12)),
        new ProgressBar("Clustering", 3, 4),
        HtmlBlock.Paragraph("text"),
        SampleFigures.Heatmap(),
    ];

    [Theory]
    [MemberData(nameof(Displayables))]
    public void Formatter_LibraryType_PrefersHtmlThenPlainTextAndUsesOwnRendering(IHtmlDisplayable value)
    {
        var mimeTypes = Formatter.GetPreferredMimeTypesFor(value.GetType());

        Assert.Equal(["text/html", "text/plain"], mimeTypes);
        Assert.Equal(value.ToPlainText(), value.ToDisplayString("text/plain"));
        var html = value.ToDisplayString("text/html");
        if (value is Persona.Core.Plotting.Figure)
            Assert.StartsWith("<div class=\"persona-figure\"><div id=\"persona-figure-", html, StringComparison.Ordinal);
        else
            Assert.Equal(value.ToHtml(), html);
        Assert.DoesNotContain("dni-", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
    }
}
