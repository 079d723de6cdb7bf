using System.Globalization;
using Persona.Core.Display;
using Persona.Core.Plotting;

namespace Persona.Core.Clustering;

/// <summary>The figures of a clustering run (Plotly model) and the standalone report that holds them.</summary>
public static class ClusterFigures
{
    private const int HoverLength = 140;

    /// <summary>Every message at its 2-D projection, coloured by cluster, the text on hover.</summary>
    public static Figure Projection(ClusteringResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var points = result.Assignments.Select((a, i) => (Assignment: a, Text: result.Messages[i].Text)).OrderBy(p => p.Assignment.Cluster);
        var traces = ScatterTrace.ByGroup(points, p => p.Assignment.X, p => p.Assignment.Y, p => p.Assignment.ClusterName, p => Snippet(p.Text));
        return new Figure(traces.Select(t => t with { Marker = (t.Marker ?? new Marker()) with { Size = 6, Opacity = 0.75 } }), new Layout
        {
            Title = "Messages by cluster (first two principal components of the features)",
            XAxis = new Axis { Title = "component 1", ZeroLine = false },
            YAxis = new Axis { Title = "component 2", ZeroLine = false },
            HoverMode = HoverMode.Closest,
        });
    }

    /// <summary>Stacked shares of one facet's values (topic, tone, length, question, marker) per cluster.</summary>
    public static Figure CategoryShares(ClusterAnalysis analysis, string facet)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        ArgumentException.ThrowIfNullOrEmpty(facet);
        var names = analysis.Clusters.Select(c => c.Name).ToArray();
        var values = analysis.Clusters.SelectMany(c => c.Categories.TryGetValue(facet, out var v) ? v.Keys : []).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        var traces = values.Select((value, i) => new BarTrace(
            names,
            analysis.Clusters.Select(c => c.Categories.TryGetValue(facet, out var v) && v.TryGetValue(value, out var s) ? s : 0).ToArray())
        {
            Name = value,
            Marker = new Marker { Color = PlotColor.Of(ColorPalette.ColorAt(i)) },
        });
        return new Figure(traces, new Layout
        {
            Title = $"Share of messages per {facet} value, by cluster",
            BarMode = facet is "topic" or "tone" or "length" ? BarMode.Stack : BarMode.Group,
            YAxis = new Axis { Title = "share of the cluster's messages" },
        });
    }

    /// <summary>Mean silhouette for every k tried; the chosen k is marked.</summary>
    public static Figure KSelection(ClusterAnalysis analysis)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        var ks = analysis.KSelection.Select(p => (double)p.K).ToArray();
        var curve = ScatterTrace.Lines(ks, analysis.KSelection.Select(p => p.Silhouette).ToArray(), "mean silhouette") with { Mode = ScatterMode.LinesAndMarkers };
        var chosen = analysis.KSelection.Where(p => p.Chosen).ToArray();
        var mark = new ScatterTrace(chosen.Select(p => (double)p.K).ToArray(), chosen.Select(p => p.Silhouette).ToArray())
        {
            Name = "chosen k",
            Marker = new Marker { Size = 14, Symbol = "star" },
        };
        return new Figure([curve, mark], new Layout
        {
            Title = $"k selection: {analysis.Criterion}",
            XAxis = new Axis { Title = "k", },
            YAxis = new Axis { Title = "mean silhouette" },
        });
    }

    /// <summary>Message length (words) per cluster, overlaid.</summary>
    public static Figure LengthHistogram(ClusteringResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var traces = result.Analysis.Clusters.Select((c, i) => new HistogramTrace(
            result.Assignments.Select((a, j) => (a, j)).Where(p => p.a.Cluster == c.Id).Select(p => result.Messages[p.j].WordCount).ToArray())
        {
            Name = c.Name,
            Opacity = 0.6,
            Marker = new Marker { Color = PlotColor.Of(ColorPalette.ColorAt(i)) },
        });
        return new Figure(traces, new Layout
        {
            Title = "Message length (words) by cluster",
            BarMode = BarMode.Overlay,
            XAxis = new Axis { Title = "words" },
            YAxis = new Axis { Title = "messages" },
        });
    }

    /// <summary>The clusters as a table: name, size, quality, why.</summary>
    public static HtmlTable Table(ClusterAnalysis analysis)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        return HtmlTable.Create(
            analysis.Clusters,
            [
                ("id", c => c.Id), ("name", c => c.Name), ("messages", c => c.Size), ("share", c => Percent(c.Share)),
                ("silhouette", c => c.Silhouette.ToString("0.000", CultureInfo.InvariantCulture)), ("weak", c => Percent(c.WeakShare)),
                ("top terms", c => string.Join(", ", c.TopTerms.Take(6).Select(t => t.Term))), ("why", c => c.Why),
            ],
            maxRows: 20,
            caption: "Clusters");
    }

    /// <summary>The standalone report: summary, cluster table, representative messages and all figures.</summary>
    public static FigureReport Report(ClusteringResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var a = result.Analysis;
        var q = a.Quality;
        var summary = FormattableString.Invariant(
            $"{a.MessageCount} messages in {a.K} clusters (k {(a.KForced ? "forced" : "chosen by " + a.Criterion)}). Mean silhouette {q.Silhouette:0.000} on {q.SilhouetteSampleSize} messages; stability: adjusted Rand index {q.StabilityMeanAri:0.000} on average (lowest {q.StabilityMinAri:0.000}) against {q.StabilitySeeds.Count} runs with other seeds; {Percent(q.WeakShare)} of messages weakly assigned (margin below {q.WeakMarginThreshold}).");
        var sections = new List<IHtmlDisplayable>
        {
            HtmlBlock.Paragraph(summary),
            Table(a),
            Projection(result),
            CategoryShares(a, "topic"),
            CategoryShares(a, "tone"),
            CategoryShares(a, "question"),
            KSelection(a),
            LengthHistogram(result),
            HtmlBlock.Heading("Representative messages"),
        };
        foreach (var cluster in a.Clusters)
        {
            sections.Add(HtmlBlock.Heading($"{cluster.Name} — {cluster.Size} messages", 3));
            sections.Add(HtmlBlock.Paragraph(cluster.Why));
            sections.Add(HtmlTable.Create(cluster.Representatives, [("message", r => r.MessageId), ("text", r => r.Text)], maxRows: 10));
        }

        return new FigureReport("Persona modes: clusters", sections) { Subtitle = FormattableString.Invariant($"seed {a.Seed}, k = {a.K}, messages hash {a.Inputs.Messages[..Math.Min(12, a.Inputs.Messages.Length)]}") };
    }

    private static string Percent(double share) => share.ToString("P1", CultureInfo.InvariantCulture);

    private static string Snippet(string text)
    {
        var flat = text.ReplaceLineEndings(" ");
        return flat.Length <= HoverLength ? flat : string.Concat(flat.AsSpan(0, HoverLength - 1), "…");
    }
}
