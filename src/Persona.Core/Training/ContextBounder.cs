namespace Persona.Core.Training;

/// <summary>
/// Bounds the user turn: the assistant text the person answered keeps its end (the part the person
/// replied to), cut at a word boundary and marked with a leading ellipsis.
/// </summary>
public static class ContextBounder
{
    public const string Ellipsis = "…";

    public static string Bound(string context, int maxChars)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxChars, 2);
        var text = context.Trim();
        if (text.Length <= maxChars)
            return text;
        var start = text.Length - (maxChars - Ellipsis.Length);
        if (char.IsLowSurrogate(text[start]))
            start++;
        // Prefer a word boundary in the first quarter of the kept window.
        var limit = Math.Min(text.Length, start + ((maxChars - Ellipsis.Length) / 4));
        for (var i = start; i < limit; i++)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                start = i + 1;
                break;
            }
        }

        return Ellipsis + text[start..].TrimStart();
    }
}
