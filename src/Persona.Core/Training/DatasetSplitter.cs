using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Persona.Core.Training;

/// <summary>
/// Assigns an example to train or validation from SHA-256 of the seed and its id alone, so an example
/// never changes side when other data is added or removed, and a new seed gives a new, reproducible split.
/// </summary>
public static class DatasetSplitter
{
    /// <summary>The example's position in [0, 1): valid when below the validation fraction.</summary>
    public static double Position(int seed, string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(seed.ToString(CultureInfo.InvariantCulture) + "\n" + id));
        var value = BinaryPrimitives.ReadUInt64BigEndian(hash) >> 11;
        return value / (double)(1UL << 53);
    }

    public static SplitName Assign(int seed, string id, double validFraction) =>
        Position(seed, id) < validFraction ? SplitName.Valid : SplitName.Train;
}
