namespace Persona.SampleExport;

/// <summary>One way the sample person writes: templates, the words that fill them, and assistant replies.</summary>
internal sealed record SampleMode(
    string Name,
    IReadOnlyList<string> Openers,
    IReadOnlyList<string> FollowUps,
    Dictionary<string, string[]> Slots,
    IReadOnlyList<string> Replies);
