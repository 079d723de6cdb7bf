using System.Globalization;
using System.Text;

namespace Persona.Tensors.Tokenization;

/// <summary>
/// SentencePiece-style BPE as llama2.c's run.c and llama.cpp's SPM tokenizer implement it: a space is
/// prepended, the text is split into UTF-8 characters, and the adjacent pair whose concatenation is in the
/// vocabulary with the highest score is merged until none is left (ties: leftmost). A final symbol that is
/// not a piece becomes its bytes' <c>&lt;0xXX&gt;</c> tokens (or unk). Pieces are stored with "▁" as " ".
/// </summary>
public sealed class SentencePieceBpeTokenizer : ITokenizer
{
    private readonly string[] _pieces;
    private readonly float[] _scores;
    private readonly TokenKind[] _kinds;
    private readonly Dictionary<string, int> _ids;
    private readonly int[] _byteIds = new int[256];
    private readonly int? _unknownId;

    public SentencePieceBpeTokenizer(IReadOnlyList<string> pieces, IReadOnlyList<float> scores, IReadOnlyList<TokenKind> kinds, int? bosId, int? eosId, int? unknownId, bool addSpacePrefix = true)
    {
        ArgumentNullException.ThrowIfNull(pieces);
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(kinds);
        if (scores.Count != pieces.Count || kinds.Count != pieces.Count)
            throw new ArgumentException($"{pieces.Count} pieces, {scores.Count} scores and {kinds.Count} kinds must match");
        _pieces = pieces.Select(p => p.Replace('\u2581', ' ')).ToArray();
        _scores = scores.ToArray();
        _kinds = kinds.ToArray();
        _ids = new Dictionary<string, int>(_pieces.Length, StringComparer.Ordinal);
        Array.Fill(_byteIds, -1);
        for (var i = 0; i < _pieces.Length; i++)
        {
            if (_kinds[i] == TokenKind.Byte || (_pieces[i].Length == 6 && _pieces[i].StartsWith("<0x", StringComparison.Ordinal) && _pieces[i][5] == '>'))
            {
                if (byte.TryParse(_pieces[i].AsSpan(3, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var b) && _byteIds[b] < 0)
                {
                    _byteIds[b] = i;
                    _kinds[i] = TokenKind.Byte;
                    continue;
                }
            }

            if (_kinds[i] is TokenKind.Normal or TokenKind.UserDefined)
                _ids.TryAdd(_pieces[i], i);
        }

        BosId = bosId;
        EosId = eosId;
        _unknownId = unknownId;
        AddSpacePrefix = addSpacePrefix;
    }

    public int VocabSize => _pieces.Length;

    public int? BosId { get; }

    public int? EosId { get; }

    /// <summary>Whether a space is put before the text (SentencePiece's dummy prefix, run.c's " " token).</summary>
    public bool AddSpacePrefix { get; }

    public string Piece(int id) => _pieces[id];

    public float Score(int id) => _scores[id];

    public int? SpecialTokenId(string content)
    {
        for (var i = 0; i < _pieces.Length; i++)
        {
            if (_kinds[i] is TokenKind.Control or TokenKind.UserDefined or TokenKind.Unknown && _pieces[i] == content)
                return i;
        }

        return null;
    }

    public IReadOnlyList<int> Encode(string text, bool addBos = false)
    {
        ArgumentNullException.ThrowIfNull(text);
        var result = new List<int>();
        if (addBos && BosId is { } bos)
            result.Add(bos);
        if (text.Length == 0)
            return result;

        var symbols = new List<string>();
        if (AddSpacePrefix)
            symbols.Add(" ");
        foreach (var rune in text.EnumerateRunes())
            symbols.Add(rune.ToString());

        // best[i]: score of merging symbols i and i+1, NaN when the concatenation is not a piece
        var best = new List<float>(symbols.Count);
        for (var i = 0; i + 1 < symbols.Count; i++)
            best.Add(PairScore(symbols[i], symbols[i + 1]));
        while (true)
        {
            var at = -1;
            var top = float.NegativeInfinity;
            for (var i = 0; i < best.Count; i++)
            {
                if (!float.IsNaN(best[i]) && (at < 0 || best[i] > top))
                {
                    at = i;
                    top = best[i];
                }
            }

            if (at < 0)
                break;
            symbols[at] += symbols[at + 1];
            symbols.RemoveAt(at + 1);
            best.RemoveAt(at);
            if (at > 0)
                best[at - 1] = PairScore(symbols[at - 1], symbols[at]);
            if (at < best.Count)
                best[at] = PairScore(symbols[at], symbols[at + 1]);
        }

        foreach (var symbol in symbols)
        {
            if (_ids.TryGetValue(symbol, out var id))
            {
                result.Add(id);
                continue;
            }

            foreach (var b in Encoding.UTF8.GetBytes(symbol))
            {
                if (_byteIds[b] >= 0)
                    result.Add(_byteIds[b]);
                else if (_unknownId is { } unk)
                    result.Add(unk);
            }
        }

        return result;
    }

    public string Decode(IReadOnlyList<int> ids, bool skipSpecial = true)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var bytes = new List<byte>();
        var previous = -1;
        foreach (var id in ids)
        {
            if ((uint)id >= (uint)_pieces.Length)
                throw new ArgumentOutOfRangeException(nameof(ids), $"token id {id} is outside the vocabulary [0, {_pieces.Length})");
            var kind = _kinds[id];
            if (kind == TokenKind.Byte)
            {
                bytes.Add(byte.Parse(_pieces[id].AsSpan(3, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
            }
            else if (kind != TokenKind.Control || !skipSpecial)
            {
                var piece = _pieces[id];
                // The dummy-prefix space of the first piece (or the first after BOS) is not text.
                if ((previous < 0 || previous == BosId) && AddSpacePrefix && piece.StartsWith(' '))
                    piece = piece[1..];
                bytes.AddRange(Encoding.UTF8.GetBytes(piece));
            }

            previous = id;
        }

        return Encoding.UTF8.GetString(bytes.ToArray());
    }

    private float PairScore(string left, string right) =>
        _ids.TryGetValue(left + right, out var id) ? _scores[id] : float.NaN;
}
