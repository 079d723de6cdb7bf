using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Persona.Core.Display;

namespace Persona.Core.Interview;

/// <summary>
/// The review step: every draft field beside the current core persona value (side by side), what a
/// merge would leave in conflict, and the decision if one was made. Changes nothing by itself.
/// </summary>
/// <param name="SessionId">The interview.</param>
/// <param name="CoreVersion">The core persona version compared against.</param>
/// <param name="Fields">Field-by-field comparison.</param>
/// <param name="MergeConflicts">Fields a merge would leave unchanged because the draft disagrees.</param>
/// <param name="Decision">The choice already made, or null.</param>
[TypeFormatterSource(typeof(HtmlDisplayFormatterSource), PreferredMimeTypes = [DisplayMimeTypes.Html, DisplayMimeTypes.PlainText])]
public sealed record InterviewReview(string SessionId, int CoreVersion, IReadOnlyList<FieldDiff> Fields, IReadOnlyList<MergeConflict> MergeConflicts, ReviewChoice? Decision) : IHtmlDisplayable
{
    private static readonly JsonSerializerOptions Compact = new() { WriteIndented = false, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>A value as one line: text as is, lists joined with "; ", missing as "—".</summary>
    public static string Show(JsonNode? value) => value switch
    {
        null => "—",
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        JsonArray a => string.Join("; ", a.Select(Show)),
        _ => value.ToJsonString(Compact),
    };

    public string ToHtml()
    {
        var html = new StringBuilder();
        html.Append("<div class=\"persona-interview-review\">");
        HtmlText.Append(html.Append("<div style=\"font-weight:bold;margin:4px 0\">"),
            string.Create(CultureInfo.InvariantCulture, $"Review of {SessionId} against core persona v{CoreVersion}")).Append("</div>");
        html.Append("<table style=\"border-collapse:collapse\"><thead><tr>");
        foreach (var head in new[] { "Field", "Change", "Current (core.json)", "Draft", "Confidence" })
            html.Append("<th style=\"text-align:left;padding:2px 8px;border-bottom:1px solid #888\">").Append(head).Append("</th>");
        html.Append("</tr></thead><tbody>");
        foreach (var field in Fields)
        {
            var colour = field.Change switch { FieldChange.Added => "#e6ffed", FieldChange.Changed => "#fff5b1", FieldChange.Removed => "#ffeef0", _ => "transparent" };
            html.Append("<tr style=\"background:").Append(colour).Append("\">");
            Cell(html, field.Path);
            Cell(html, field.Change.ToString().ToLowerInvariant());
            Cell(html, Show(field.Current));
            Cell(html, Show(field.Proposed));
            Cell(html, field.Confidence?.ToString("0.00", CultureInfo.InvariantCulture) ?? "");
            html.Append("</tr>");
        }

        html.Append("</tbody></table>");
        if (MergeConflicts.Count > 0)
        {
            html.Append("<div style=\"margin-top:4px\">A merge keeps the current value of: ");
            HtmlText.Append(html, string.Join(", ", MergeConflicts.Select(c => c.Path))).Append("</div>");
        }

        HtmlText.Append(html.Append("<div style=\"margin-top:4px\">"), Decision is { } d
            ? "Decision: " + d.ToString().ToLowerInvariant()
            : "Choose apply (replace), merge (fill gaps, append to lists) or discard.").Append("</div></div>");
        return html.ToString();
    }

    public string ToPlainText()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Review of {SessionId} against core persona v{CoreVersion}").Append('\n');
        var width = Fields.Count == 0 ? 5 : Math.Max(5, Fields.Max(f => f.Path.Length));
        foreach (var field in Fields)
        {
            text.Append(CultureInfo.InvariantCulture, $"{field.Path.PadRight(width)}  {field.Change.ToString().ToLowerInvariant(),-9}  ")
                .Append(Cut(Show(field.Current))).Append("  ->  ").Append(Cut(Show(field.Proposed)));
            if (field.Confidence is { } c)
                text.Append(CultureInfo.InvariantCulture, $"  ({c:0.00})");
            text.Append('\n');
        }

        if (MergeConflicts.Count > 0)
            text.Append("merge keeps the current value of: ").Append(string.Join(", ", MergeConflicts.Select(c => c.Path))).Append('\n');
        text.Append(Decision is { } d ? "decision: " + d.ToString().ToLowerInvariant() : "choose: apply | merge | discard");
        return text.ToString();
    }

    public override string ToString() => ToPlainText();

    private static void Cell(StringBuilder html, string text) =>
        HtmlText.Append(html.Append("<td style=\"padding:2px 8px;vertical-align:top;max-width:32em\">"), text).Append("</td>");

    private static string Cut(string text) => text.Length <= 60 ? text : text[..57] + "...";
}
