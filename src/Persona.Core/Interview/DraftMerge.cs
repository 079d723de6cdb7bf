using System.Text.Json.Nodes;
using Persona.Core.Library;

namespace Persona.Core.Interview;

/// <summary>
/// Compares a draft with the core persona field by field, and plans what apply or merge would write.
/// Apply replaces the core persona with the draft. Merge fills fields the core persona lacks and appends
/// new items to lists; a differing text value is a conflict and keeps the current value.
/// </summary>
public static class DraftMerge
{
    public static IReadOnlyList<FieldDiff> Diff(CorePersona core, InterviewDraft draft)
    {
        ArgumentNullException.ThrowIfNull(core);
        ArgumentNullException.ThrowIfNull(draft);
        var result = new List<FieldDiff>();
        foreach (var field in draft.Fields)
        {
            var current = core.GetField(field.Path);
            var change = current is null ? FieldChange.Added
                : JsonNode.DeepEquals(current, field.Value) ? FieldChange.Unchanged
                : FieldChange.Changed;
            result.Add(new FieldDiff(field.Path, current?.DeepClone(), field.Value?.DeepClone(), change, field.Confidence));
        }

        var draftPaths = draft.Fields.Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
        foreach (var (path, value) in Leaves(core.Fields, ""))
        {
            // A core field the draft does not cover (nor covers a parent or child of) would be dropped by a replace.
            if (!draftPaths.Any(p => p == path || p.StartsWith(path + ".", StringComparison.Ordinal) || path.StartsWith(p + ".", StringComparison.Ordinal)))
                result.Add(new FieldDiff(path, value.DeepClone(), null, FieldChange.Removed, null));
        }

        return result;
    }

    /// <summary>The fields to write and the conflicts for <paramref name="choice"/> (empty for discard).</summary>
    public static (IReadOnlyDictionary<string, JsonNode?> Fields, IReadOnlyList<MergeConflict> Conflicts) Plan(CorePersona core, InterviewDraft draft, ReviewChoice choice)
    {
        ArgumentNullException.ThrowIfNull(core);
        ArgumentNullException.ThrowIfNull(draft);
        var fields = new SortedDictionary<string, JsonNode?>(StringComparer.Ordinal);
        var conflicts = new List<MergeConflict>();
        if (choice == ReviewChoice.Discard)
            return (fields, conflicts);
        foreach (var field in draft.Fields)
        {
            if (choice == ReviewChoice.Apply)
            {
                fields[field.Path] = field.Value?.DeepClone();
                continue;
            }

            var current = core.GetField(field.Path);
            if (current is null)
                fields[field.Path] = field.Value?.DeepClone();
            else if (JsonNode.DeepEquals(current, field.Value))
                continue;
            else if (current is JsonArray existing && field.Value is JsonArray proposed)
            {
                var union = (JsonArray)existing.DeepClone();
                var added = false;
                foreach (var item in proposed)
                {
                    if (!existing.Any(e => SameItem(e, item)))
                    {
                        union.Add(item?.DeepClone());
                        added = true;
                    }
                }

                if (added)
                    fields[field.Path] = union;
            }
            else
            {
                conflicts.Add(new MergeConflict(field.Path, current.DeepClone(), field.Value?.DeepClone()));
            }
        }

        return (fields, conflicts);
    }

    private static bool SameItem(JsonNode? a, JsonNode? b) =>
        a is JsonValue va && b is JsonValue vb && va.TryGetValue<string>(out var sa) && vb.TryGetValue<string>(out var sb)
            ? string.Equals(sa.Trim(), sb.Trim(), StringComparison.OrdinalIgnoreCase)
            : JsonNode.DeepEquals(a, b);

    private static IEnumerable<(string Path, JsonNode Value)> Leaves(JsonObject node, string prefix)
    {
        foreach (var (key, value) in node)
        {
            var path = prefix.Length == 0 ? key : prefix + "." + key;
            if (value is JsonObject child)
            {
                foreach (var leaf in Leaves(child, path))
                    yield return leaf;
            }
            else if (value is not null)
            {
                yield return (path, value);
            }
        }
    }
}
