namespace Persona.Parquet.Compression;

/// <summary>What Zstandard blocks of one frame inherit from earlier blocks: tables and repeat offsets.</summary>
internal sealed class ZstdFrameState
{
    public HuffmanTable? Huffman { get; set; }

    public FseTable? LiteralLengths { get; set; }

    public FseTable? Offsets { get; set; }

    public FseTable? MatchLengths { get; set; }

    public int[] RepeatOffsets { get; } = [1, 4, 8];

    public byte[] Literals { get; } = new byte[128 * 1024];
}
