using Persona.Core.Import;

namespace Persona.Core.Tests.Memories;

internal static class MemoryTestData
{
    public static readonly DateTimeOffset T0 = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    public static PersonMessage Message(string conversation, int position, string text, DateTimeOffset? at, string? title = null) =>
        new($"{conversation}-{position}", conversation, title ?? "Title " + conversation, ExportFormat.ChatGpt, position, at, null, text,
            text.Length, text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length, true);

    public static List<PersonMessage> Corpus() =>
    [
        Message("c1", 0, "How do I read a parquet file in C#? The footer confuses me.", T0),
        Message("c1", 1, "I'm building a parquet reader for my notebooks. My goal is streaming row groups.", T0.AddMinutes(5)),
        Message("c2", 0, "Explain LoRA rank for parquet data. I train small adapters on my laptop.", T0.AddDays(1)),
        Message("c2", 1, "The parquet export of my dataset feeds the LoRA trainer.", T0.AddDays(1).AddMinutes(3)),
        Message("c3", 0, "Recipe for bread? I bake on weekends.", T0.AddDays(2)),
        Message("c3", 1, "My sourdough bread keeps collapsing; the parquet joke aside, help.", T0.AddDays(2).AddMinutes(1)),
        Message("empty", 0, "   ", T0.AddDays(3)),
    ];
}
