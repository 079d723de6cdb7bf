using Persona.Core.Import;

namespace Persona.Corpora;

/// <summary>A generated corpus: messages in conversation order with their true modes.</summary>
public sealed record LabelledCorpus(int Seed, IReadOnlyList<string> Modes, IReadOnlyList<LabelledMessage> Items)
{
    public IReadOnlyList<PersonMessage> Messages => [.. Items.Select(i => i.Message)];

    /// <summary>The true mode index (position in <see cref="Modes"/>) of every message, in order.</summary>
    public int[] TruthLabels()
    {
        var index = Modes.Select((m, i) => (m, i)).ToDictionary(p => p.m, p => p.i, StringComparer.Ordinal);
        return [.. Items.Select(i => index[i.Mode])];
    }
}
