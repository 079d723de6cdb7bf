namespace Persona.Core.Import;

/// <summary>
/// Walking state along one thread (root to node): the assistant text since the person's last
/// message, how many person messages came before, and the last known time. A value, so a
/// depth-first walk over branches can keep one per path.
/// </summary>
internal readonly record struct ThreadCursor(string? Context, int Position, DateTimeOffset? LastTime)
{
    public ThreadCursor WithAssistantText(string text, int maxChars)
    {
        if (text.Length == 0 || maxChars == 0)
            return this;

        // The tail of (context + text) is the tail of the text alone when the text is that long: no concatenation.
        var joined = Context is null || text.Length > maxChars ? text : Context + "\n\n" + text;
        return this with { Context = TextNormalizer.Tail(joined, maxChars) };
    }

    public ThreadCursor At(DateTimeOffset? time) => time is null ? this : this with { LastTime = time };
}
