namespace Persona.Corpora;

/// <summary>
/// The built-in modes of the generated person. <see cref="All"/> lists them in a fixed order;
/// a corpus with k modes takes the first k unless names are given.
/// </summary>
public static partial class ModeCatalog
{
    // Lazy: the modes are initialised in the partial files, whose order the compiler does not fix.
    private static readonly Lazy<IReadOnlyList<CorpusMode>> AllModes = new(() =>
    [
        Debugging,
        BusinessPlanning,
        FictionBrainstorming,
        CuriousLearning,
        PersonalReflection,
        DataAnalysis,
    ]);

    public static IReadOnlyList<CorpusMode> All => AllModes.Value;

    public static CorpusMode Get(string name) =>
        All.FirstOrDefault(m => string.Equals(m.Name, name, StringComparison.Ordinal))
        ?? throw new ArgumentException($"unknown mode '{name}'; known: {string.Join(", ", All.Select(m => m.Name))}", nameof(name));

    private static Dictionary<string, IReadOnlyList<string>> Slots(params (string Name, string[] Values)[] slots) =>
        slots.ToDictionary(s => s.Name, s => (IReadOnlyList<string>)s.Values, StringComparer.Ordinal);
}
