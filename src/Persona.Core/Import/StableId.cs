using System.Security.Cryptography;
using System.Text;

namespace Persona.Core.Import;

/// <summary>Deterministic ids for exports that carry none (hash of what identifies the item).</summary>
internal static class StableId
{
    public static string For(string prefix, params string?[] parts)
    {
        var builder = new StringBuilder();
        foreach (var part in parts)
            builder.Append(part?.Length ?? -1).Append(':').Append(part).Append('\u001f');
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(builder.ToString()));
        return prefix + "-" + Convert.ToHexStringLower(hash.AsSpan(0, 12));
    }

    public static string ForBytes(string prefix, ReadOnlySpan<byte> bytes) =>
        prefix + "-" + Convert.ToHexStringLower(SHA256.HashData(bytes).AsSpan(0, 12));
}
