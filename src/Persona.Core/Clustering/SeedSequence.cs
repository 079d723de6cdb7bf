namespace Persona.Core.Clustering;

/// <summary>Derives independent, process-stable seeds from a user seed and indices (SplitMix64).</summary>
internal static class SeedSequence
{
    public static int Derive(int seed, params int[] indices)
    {
        var x = unchecked((ulong)seed);
        foreach (var index in indices)
            x = Mix(x ^ unchecked((ulong)index * 0x9E3779B97F4A7C15UL));
        return (int)(Mix(x) & int.MaxValue);
    }

    private static ulong Mix(ulong z)
    {
        z = unchecked(z + 0x9E3779B97F4A7C15UL);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        return z ^ (z >> 31);
    }
}
