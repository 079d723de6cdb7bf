using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace Persona.Core.Import;

/// <summary>A content hash over the rows a conversation contributes, so re-imports can tell changed from unchanged.</summary>
internal static class ConversationHash
{
    public static string Compute(IEnumerable<PersonMessage> messages)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Span<byte> number = stackalloc byte[8];
        foreach (var m in messages)
        {
            Append(hash, m.MessageId);
            Append(hash, m.ConversationTitle);
            Append(hash, m.Text);
            Append(hash, m.Context);
            BitConverter.TryWriteBytes(number, m.Position);
            hash.AppendData(number[..4]);
            BitConverter.TryWriteBytes(number, m.CreatedAt?.ToUnixTimeMilliseconds() ?? long.MinValue);
            hash.AppendData(number);
            hash.AppendData(m.OnActiveBranch ? "A"u8 : "a"u8);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static void Append(IncrementalHash hash, string? value)
    {
        Span<byte> length = stackalloc byte[4];
        BitConverter.TryWriteBytes(length, value?.Length ?? -1);
        hash.AppendData(length);
        if (value is null)
            return;

        // The UTF-8 bytes, encoded into a reused buffer rather than a new array per string.
        var max = Encoding.UTF8.GetMaxByteCount(value.Length);
        var rented = max > 512 ? ArrayPool<byte>.Shared.Rent(max) : null;
        Span<byte> bytes = rented is null ? stackalloc byte[512] : rented;
        var written = Encoding.UTF8.GetBytes(value, bytes);
        hash.AppendData(bytes[..written]);
        if (rented is not null)
            ArrayPool<byte>.Shared.Return(rented);
    }
}
