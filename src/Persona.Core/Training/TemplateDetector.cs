using System.Globalization;

namespace Persona.Core.Training;

/// <summary>
/// Templated text: messages whose skeleton (normalized, URLs/e-mails/numbers masked) opens with the same
/// <see cref="KeyLength"/> characters as at least <c>minRepeats - 1</c> others and whose fillings differ —
/// form letters, prompt templates pasted with new values, bot commands. Every member of such a group is removed.
/// </summary>
internal static class TemplateDetector
{
    public const int KeyLength = 40;

    /// <summary>Ids of templated messages, each with the group size.</summary>
    public static Dictionary<string, string> Find(IEnumerable<(string Id, string Text)> items, int minRepeats)
    {
        var groups = new Dictionary<string, List<(string Id, string Skeleton)>>(StringComparer.Ordinal);
        foreach (var (id, text) in items)
        {
            var skeleton = TextNormalizer.Skeleton(text);
            if (skeleton.Length < KeyLength)
                continue;
            var key = skeleton[..KeyLength];
            if (!groups.TryGetValue(key, out var list))
                groups[key] = list = [];
            list.Add((id, skeleton));
        }

        var found = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, list) in groups)
        {
            if (list.Count < minRepeats)
                continue;
            var detail = string.Create(CultureInfo.InvariantCulture, $"{list.Count} messages open with the same {KeyLength}-character skeleton");
            foreach (var (id, _) in list)
                found[id] = detail;
        }

        return found;
    }
}
