using System.Text.Json;
using System.Text.Json.Serialization;
using Persona.Core.Display;

namespace Persona.Core.Plotting;

/// <summary>
/// A Plotly figure: traces plus layout, serialised to plotly.js's JSON schema (<see cref="ToJson"/>).
/// Displays itself in notebooks as an interactive chart (<see cref="ToHtml"/>) with a one-line
/// <c>text/plain</c> summary, and goes into standalone pages through <see cref="FigureReport"/>.
/// </summary>
[TypeFormatterSource(typeof(HtmlDisplayFormatterSource), PreferredMimeTypes = [DisplayMimeTypes.Html, DisplayMimeTypes.PlainText])]
public sealed record Figure : IHtmlDisplayable
{
    public Figure(IEnumerable<Trace> traces, Layout? layout = null)
    {
        ArgumentNullException.ThrowIfNull(traces);
        Trace[] list = [.. traces];
        for (var i = 0; i < list.Length; i++)
        {
            if (list[i] is null)
                throw new ArgumentException($"trace {i} is null", nameof(traces));
        }

        Traces = list;
        Layout = layout ?? new Layout();
    }

    [JsonPropertyName("data")]
    public IReadOnlyList<Trace> Traces { get; init; }

    [JsonPropertyName("layout")]
    public Layout Layout { get; init; }

    /// <summary>The figure as <c>{"data": [...], "layout": {...}}</c>, the argument shape of <c>Plotly.newPlot</c>.</summary>
    public string ToJson(bool indented = true) =>
        JsonSerializer.Serialize(this, (indented ? PlotlyJsonContext.Indented : PlotlyJsonContext.Compact).Figure);

    /// <summary>The notebook fragment: a div and a script that draws into it (see <see cref="PlotlyHtml"/>).</summary>
    public string ToHtml() => PlotlyHtml.Fragment(this, "persona-figure-" + Guid.NewGuid().ToString("N"));

    /// <summary>One line: <c>Figure: scatter, 3 traces, 'Clusters'</c>.</summary>
    public string ToPlainText()
    {
        var kinds = Traces.Select(t => t.Kind).Distinct(StringComparer.Ordinal).ToArray();
        var text = "Figure: " + (kinds.Length == 0 ? "empty" : string.Join('+', kinds))
            + ", " + Traces.Count + (Traces.Count == 1 ? " trace" : " traces");
        return Layout.Title?.Text is { Length: > 0 } title ? $"{text}, '{title}'" : text;
    }

    public override string ToString() => ToPlainText();
}
