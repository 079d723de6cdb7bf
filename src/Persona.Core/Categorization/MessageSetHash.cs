using System.Security.Cryptography;
using System.Text;
using Persona.Core.Import;

namespace Persona.Core.Categorization;

/// <summary>A content hash of a message set (ids and texts, in order), recorded by later stages to detect changed input.</summary>
public static class MessageSetHash
{
    public static string Compute(IReadOnlyList<PersonMessage> messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var message in messages)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(message.MessageId));
            hash.AppendData([0]);
            hash.AppendData(Encoding.UTF8.GetBytes(message.Text));
            hash.AppendData([0]);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
