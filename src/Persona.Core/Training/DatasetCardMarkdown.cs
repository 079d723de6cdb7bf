using System.Globalization;
using System.Text;

namespace Persona.Core.Training;

/// <summary>The readable twin of a dataset card (<c>persona_&lt;slug&gt;.card.md</c>).</summary>
public static class DatasetCardMarkdown
{
    public static string Render(DatasetCard card)
    {
        ArgumentNullException.ThrowIfNull(card);
        var c = card.Counts;
        var t = card.Tokens;
        var s = new StringBuilder();
        void Line(FormattableString text) => s.Append(text.ToString(CultureInfo.InvariantCulture)).Append('\n');
        Line($"# LoRA dataset: {card.Persona}");
        Line($"");
        Line($"Assistant turns are the person's own messages; user turns are the text they answered (or a generic opener).");
        Line($"");
        Line($"- Format: `{card.Format}`; seed {card.Seed}; validation fraction {card.ValidFraction:0.###}");
        Line($"- System prompt: from `{card.SystemPromptSource}` (sha256 `{card.SystemPromptSha256}`)");
        Line($"- Items in: {c.Input}; removed: {c.Removed}; kept: {c.Kept} (train {c.Train}, valid {c.Valid}); interview answers: {c.Interview}; synthetic: {c.Synthetic}");
        Line($"- User turns: {string.Join(", ", c.ByContext.Select(kv => $"{kv.Key} {kv.Value}"))}");
        Line($"");
        Line($"## Filters");
        Line($"");
        Line($"| filter | rule | removed |");
        Line($"|---|---|---:|");
        foreach (var f in card.Filters)
            Line($"| {f.Filter} | {f.Rule.Replace("|", "\\|", StringComparison.Ordinal)} | {f.Removed} |");
        Line($"");
        Line($"## Tokens");
        Line($"");
        Line($"Counted by {t.Tokenizer}{(t.Estimated ? " — an estimate, not a model's tokenizer" : "")}.");
        Line($"");
        Line($"| split | examples | tokens | trained tokens | min | median | p95 | max | mean |");
        Line($"|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var (name, st) in new[] { ("train", t.Train), ("valid", t.Valid) })
            Line($"| {name} | {st.Examples} | {st.TotalTokens} | {st.TrainedTokens} | {st.Min} | {st.Median} | {st.P95} | {st.Max} | {st.Mean:0.0} |");
        Line($"");
        if (card.SyntheticPrompts is { } sp)
        {
            Line($"## Synthetic user turns");
            Line($"");
            Line($"The {sp.Role} model `{sp.Model}` ({sp.Provider}, temperature {sp.Temperature:0.##}, prompt version {sp.PromptVersion}) wrote the user turn of {sp.Written} of {sp.Selected} chosen openers (at most {sp.MaxPerPersona} per persona); these examples are marked `synthetic`.");
            if (sp.Failed.Count > 0)
                Line($"No usable answer for: {string.Join(", ", sp.Failed.Select(id => $"`{id}`"))} (they keep the generic opener).");
            Line($"");
        }

        Line($"## Inputs");
        Line($"");
        foreach (var i in card.Inputs)
            Line($"- `{i.Name}` ({i.Kind}) sha256 `{i.Sha256}`");
        Line($"");
        Line($"## Files");
        Line($"");
        Line($"- `{card.Files.Train}` sha256 `{card.Files.TrainSha256}`");
        Line($"- `{card.Files.Valid}` sha256 `{card.Files.ValidSha256}`");
        return s.ToString();
    }
}
