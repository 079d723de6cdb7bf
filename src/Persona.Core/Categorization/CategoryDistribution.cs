using Persona.Core.Display;
using Persona.Core.Plotting;

namespace Persona.Core.Categorization;

/// <summary>Counts per category value for every facet, most frequent first; renders as a table in notebooks.</summary>
public sealed class CategoryDistribution : IHtmlDisplayable
{
    private CategoryDistribution(IReadOnlyList<CategoryCount> counts, int total)
    {
        Counts = counts;
        Total = total;
    }

    public IReadOnlyList<CategoryCount> Counts { get; }

    public int Total { get; }

    public static CategoryDistribution Compute(IReadOnlyList<MessageCategories> categories)
    {
        ArgumentNullException.ThrowIfNull(categories);
        var counts = new List<CategoryCount>();
        void AddFacet(string facet, IEnumerable<string> values)
        {
            counts.AddRange(values.GroupBy(v => v, StringComparer.Ordinal)
                .Select(g => (g.Key, Count: g.Count()))
                .OrderByDescending(p => p.Count).ThenBy(p => p.Key, StringComparer.Ordinal)
                .Select(p => new CategoryCount(facet, p.Key, p.Count, Math.Round(p.Count / (double)Math.Max(1, categories.Count), 4))));
        }

        AddFacet("topic_category", categories.Select(c => c.Topic.Value.Value));
        AddFacet("tone", categories.Select(c => c.Tone.Value.Value));
        AddFacet("reasoning_markers", categories.SelectMany(c => c.ReasoningMarkers.Select(m => m.Value.Value)));
        AddFacet("question_types", categories.SelectMany(c => c.QuestionTypes.Select(q => q.Value.Value)));
        AddFacet("length_category", categories.Select(c => c.Length.Value.ToString().ToLowerInvariant()));
        return new CategoryDistribution(counts, categories.Count);
    }

    /// <summary>A bar chart of one facet's counts (topic_category, tone, reasoning_markers, question_types, length_category).</summary>
    public Figure ToFigure(string facet)
    {
        ArgumentException.ThrowIfNullOrEmpty(facet);
        var rows = Counts.Where(c => c.Facet == facet).ToArray();
        return new Figure(
            [new BarTrace(rows.Select(c => c.Value).ToArray(), rows.Select(c => c.Count).ToArray()) { Name = facet }],
            new Layout { Title = $"Messages per {facet.Replace('_', ' ')}", YAxis = new Axis { Title = "messages" } });
    }

    public HtmlTable ToTable() => HtmlTable.Create(
        Counts,
        [("facet", c => c.Facet), ("value", c => c.Value), ("messages", c => c.Count), ("share", c => c.Share.ToString("P1", System.Globalization.CultureInfo.InvariantCulture))],
        maxRows: 200,
        caption: $"Categories of {Total} messages");

    public string ToHtml() => ToTable().ToHtml();

    public string ToPlainText() => ToTable().ToPlainText();

    public override string ToString() => ToPlainText();
}
