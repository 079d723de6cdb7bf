using System.Collections.Concurrent;
using System.Text;

namespace Persona.Tensors.Tokenization;

/// <summary>
/// GPT-2 style byte-level BPE as HF <c>tokenizers</c> runs it: added tokens are cut out first (leftmost-longest),
/// the rest is normalized, pre-tokenized (<see cref="PreTokenizer"/>), each piece's UTF-8 bytes are mapped
/// to <see cref="ByteLevelAlphabet"/> characters and merged by lowest merge rank (ties: leftmost).
/// A character missing from the vocabulary is dropped, as HF does without an unk token.
/// </summary>
public sealed class ByteLevelBpeTokenizer : ITokenizer
{
    private readonly Dictionary<string, int> _vocab;
    private readonly string[] _tokens;
    private readonly Dictionary<long, (int Rank, int Id)> _merges = [];
    private readonly Dictionary<string, AddedToken> _added = new(StringComparer.Ordinal);
    private readonly Dictionary<int, AddedToken> _addedById = [];
    private readonly Dictionary<char, string[]> _addedByFirstChar;
    private readonly PreTokenizerOptions _preTokenizer;
    private readonly bool _ignoreMerges;
    private readonly bool _normalizeNfc;
    private readonly ConcurrentDictionary<string, int[]> _cache = new(StringComparer.Ordinal);

    public ByteLevelBpeTokenizer(
        IReadOnlyDictionary<string, int> vocab,
        IReadOnlyList<(string Left, string Right)> merges,
        IReadOnlyList<AddedToken> addedTokens,
        PreTokenizerOptions preTokenizer,
        int? bosId,
        int? eosId,
        bool ignoreMerges = false,
        bool normalizeNfc = false)
    {
        ArgumentNullException.ThrowIfNull(vocab);
        ArgumentNullException.ThrowIfNull(merges);
        ArgumentNullException.ThrowIfNull(addedTokens);
        ArgumentNullException.ThrowIfNull(preTokenizer);
        _vocab = new Dictionary<string, int>(vocab, StringComparer.Ordinal);
        var size = Math.Max(vocab.Count == 0 ? 0 : vocab.Values.Max() + 1, addedTokens.Count == 0 ? 0 : addedTokens.Max(a => a.Id) + 1);
        _tokens = new string[size];
        foreach (var (token, id) in vocab)
            _tokens[id] = token;
        foreach (var added in addedTokens)
        {
            _added[added.Content] = added;
            _addedById[added.Id] = added;
            _tokens[added.Id] ??= added.Content;
            _vocab.TryAdd(added.Content, added.Id);
        }

        _addedByFirstChar = addedTokens.Where(a => a.Content.Length > 0).GroupBy(a => a.Content[0])
            .ToDictionary(g => g.Key, g => g.Select(a => a.Content).OrderByDescending(c => c.Length).ToArray());
        for (var rank = 0; rank < merges.Count; rank++)
        {
            var (left, right) = merges[rank];
            if (_vocab.TryGetValue(left, out var l) && _vocab.TryGetValue(right, out var r) && _vocab.TryGetValue(left + right, out var merged))
                _merges.TryAdd(Key(l, r), (rank, merged));
        }

        _preTokenizer = preTokenizer;
        _ignoreMerges = ignoreMerges;
        _normalizeNfc = normalizeNfc;
        BosId = bosId;
        EosId = eosId;
    }

    public int VocabSize => _tokens.Length;

    public int? BosId { get; }

    public int? EosId { get; }

    public int? SpecialTokenId(string content) => _added.TryGetValue(content, out var added) ? added.Id : null;

    public IReadOnlyList<int> Encode(string text, bool addBos = false)
    {
        ArgumentNullException.ThrowIfNull(text);
        var ids = new List<int>();
        if (addBos && BosId is { } bos)
            ids.Add(bos);
        var segmentStart = 0;
        var i = 0;
        while (i < text.Length)
        {
            if (MatchAdded(text, i) is { } added)
            {
                EncodeOrdinary(text[segmentStart..i], ids);
                ids.Add(added.Id);
                i += added.Content.Length;
                segmentStart = i;
            }
            else
            {
                i++;
            }
        }

        EncodeOrdinary(text[segmentStart..], ids);
        return ids;
    }

    public string Decode(IReadOnlyList<int> ids, bool skipSpecial = true)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var bytes = new List<byte>();
        foreach (var id in ids)
        {
            if ((uint)id >= (uint)_tokens.Length || _tokens[id] is null)
                throw new ArgumentOutOfRangeException(nameof(ids), $"token id {id} is not in the vocabulary");
            if (_addedById.TryGetValue(id, out var added))
            {
                if (!(added.Special && skipSpecial))
                    bytes.AddRange(Encoding.UTF8.GetBytes(added.Content));
                continue;
            }

            foreach (var c in _tokens[id])
            {
                if (ByteLevelAlphabet.CharToByte.TryGetValue(c, out var b))
                    bytes.Add(b);
                else
                    bytes.AddRange(Encoding.UTF8.GetBytes(c.ToString()));
            }
        }

        return Encoding.UTF8.GetString(bytes.ToArray());
    }

    private AddedToken? MatchAdded(string text, int at)
    {
        if (!_addedByFirstChar.TryGetValue(text[at], out var candidates))
            return null;
        foreach (var content in candidates) // longest first
        {
            if (string.CompareOrdinal(text, at, content, 0, content.Length) == 0)
                return _added[content];
        }

        return null;
    }

    private void EncodeOrdinary(string text, List<int> ids)
    {
        if (text.Length == 0)
            return;
        if (_normalizeNfc)
            text = text.Normalize(NormalizationForm.FormC);
        foreach (var (start, length) in PreTokenizer.Split(text, _preTokenizer))
        {
            var piece = text.Substring(start, length);
            ids.AddRange(_cache.GetOrAdd(piece, BytePairEncode));
        }
    }

    private int[] BytePairEncode(string piece)
    {
        var mapped = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(piece))
            mapped.Append(ByteLevelAlphabet.ByteToChar[b]);
        var word = mapped.ToString();
        if (_ignoreMerges && _vocab.TryGetValue(word, out var whole))
            return [whole];

        var symbols = new List<int>(word.Length);
        foreach (var c in word)
        {
            if (_vocab.TryGetValue(c.ToString(), out var id))
                symbols.Add(id);
        }

        while (symbols.Count > 1)
        {
            var bestAt = -1;
            var bestRank = int.MaxValue;
            var bestId = 0;
            for (var i = 0; i + 1 < symbols.Count; i++)
            {
                if (_merges.TryGetValue(Key(symbols[i], symbols[i + 1]), out var merge) && merge.Rank < bestRank)
                {
                    bestAt = i;
                    bestRank = merge.Rank;
                    bestId = merge.Id;
                }
            }

            if (bestAt < 0)
                break;
            symbols[bestAt] = bestId;
            symbols.RemoveAt(bestAt + 1);
        }

        return [.. symbols];
    }

    private static long Key(int left, int right) => ((long)left << 32) | (uint)right;
}
