using System.Globalization;
using System.Text;
using Persona.Core.Display;
using Persona.Core.Pipeline;
using Persona.Core.Storage;

namespace Persona.Core.Plotting;

/// <summary>
/// A standalone HTML page: a title, then figures, tables, cards and text blocks in order. plotly.js is
/// inlined once in the page head, so the file opens offline in any browser and every figure draws
/// without network. Figures get ids <c>figure-1</c>, <c>figure-2</c>, … so the same report always
/// produces the same file. Immutable; <see cref="Add"/> returns a new report.
/// </summary>
public sealed class FigureReport
{
    public FigureReport(string title, params IEnumerable<IHtmlDisplayable> sections)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        ArgumentNullException.ThrowIfNull(sections);
        Title = title;
        IHtmlDisplayable[] list = [.. sections];
        for (var i = 0; i < list.Length; i++)
        {
            if (list[i] is null)
                throw new ArgumentException($"section {i} is null", nameof(sections));
        }

        Sections = list;
    }

    public string Title { get; }

    public IReadOnlyList<IHtmlDisplayable> Sections { get; }

    /// <summary>Optional line under the title, e.g. the input and the seed the figures came from.</summary>
    public string? Subtitle { get; init; }

    /// <summary>A new report with one more section at the end.</summary>
    public FigureReport Add(IHtmlDisplayable section)
    {
        ArgumentNullException.ThrowIfNull(section);
        return new FigureReport(Title, [.. Sections, section]) { Subtitle = Subtitle };
    }

    /// <summary>The complete HTML document (several megabytes: it carries plotly.js when it has a figure).</summary>
    public string ToHtml()
    {
        var hasFigure = Sections.Any(s => s is Figure);
        var plotly = hasFigure ? PlotlyJs.Script : string.Empty;
        if (plotly.Contains("</script", StringComparison.OrdinalIgnoreCase))
            throw new InvalidOperationException("the embedded plotly.js contains '</script' and cannot be inlined");

        var html = new StringBuilder(plotly.Length + 64 * 1024);
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        html.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        html.Append("<meta name=\"generator\" content=\"Persona Notebooks\">\n");
        HtmlText.Append(html.Append("<title>"), Title).Append("</title>\n");
        html.Append("<style>\n")
            .Append("body { font-family: system-ui, -apple-system, 'Segoe UI', sans-serif; max-width: 1100px; margin: 2em auto; padding: 0 1em; color: #222; }\n")
            .Append(".persona-figure, .persona-table, .persona-card { margin: 1em 0; }\n")
            .Append("</style>\n");
        if (hasFigure)
        {
            html.Append("<script type=\"text/javascript\">/* plotly.js ").Append(PlotlyJs.Version).Append(" (MIT licence, Plotly Technologies Inc.) */\n");
            html.Append(plotly).Append("\n</script>\n");
        }

        html.Append("</head>\n<body>\n");
        HtmlText.Append(html.Append("<h1>"), Title).Append("</h1>\n");
        if (Subtitle is not null)
            HtmlText.Append(html.Append("<p class=\"persona-subtitle\">"), Subtitle).Append("</p>\n");

        var figureNumber = 0;
        foreach (var section in Sections)
        {
            html.Append(section is Figure figure
                ? PlotlyHtml.Fragment(figure, "figure-" + (++figureNumber).ToString(CultureInfo.InvariantCulture))
                : section.ToHtml());
            html.Append('\n');
        }

        html.Append("</body>\n</html>\n");
        return html.ToString();
    }

    /// <summary>Writes the page to <paramref name="path"/> atomically (readers never see a partial file).</summary>
    public Task WriteAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return AtomicFile.WriteAllTextAsync(path, ToHtml(), cancellationToken);
    }

    /// <summary>
    /// Writes the page as <paramref name="fileName"/> in the pipeline's reports folder
    /// (<c>data/personas/reports/</c> by default) and returns the full path.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="fileName"/> is not a plain <c>.html</c> file name.</exception>
    public async Task<string> WriteToReportsAsync(PipelinePaths paths, string fileName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        if (fileName != Path.GetFileName(fileName) || fileName is "." or ".." || fileName.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0
            || !fileName.EndsWith(".html", StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException($"report file name '{fileName}' must be a plain file name ending in .html", nameof(fileName));
        }

        var path = Path.GetFullPath(Path.Combine(paths.Reports, fileName));
        await WriteAsync(path, cancellationToken).ConfigureAwait(false);
        return path;
    }
}
