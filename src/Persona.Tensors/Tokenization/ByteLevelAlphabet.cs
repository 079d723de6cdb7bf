namespace Persona.Tensors.Tokenization;

/// <summary>
/// GPT-2 <c>bytes_to_unicode</c>: bytes '!'..'~', 0xA1..0xAC and 0xAE..0xFF stand for themselves; the other
/// 68 bytes map, in byte order, to U+0100 onwards (space → 'Ġ', '\n' → 'Ċ').
/// </summary>
internal static class ByteLevelAlphabet
{
    public static readonly char[] ByteToChar = Build();

    public static readonly Dictionary<char, byte> CharToByte = ByteToChar.Select((c, b) => (c, b)).ToDictionary(x => x.c, x => (byte)x.b);

    private static char[] Build()
    {
        var map = new char[256];
        var next = 0;
        for (var b = 0; b < 256; b++)
        {
            var printable = (b >= '!' && b <= '~') || (b >= 0xA1 && b <= 0xAC) || (b >= 0xAE && b <= 0xFF);
            map[b] = printable ? (char)b : (char)(256 + next++);
        }

        return map;
    }
}
