using System.Text;
using Persona.Tensors.Formats;

namespace Persona.Tensors.Tokenization;

/// <summary>
/// Reads a llama2.c <c>tokenizer.bin</c>: int32 max_token_length, then per token f32 score, int32 length and
/// the UTF-8 bytes. The token count is not stored; it is the model's vocab_size. Ids 0/1/2 are unk/BOS/EOS.
/// </summary>
public static class Llama2cTokenizerFile
{
    public static SentencePieceBpeTokenizer Read(string path, int vocabSize)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(vocabSize);
        using var file = new MappedFile(path);
        var maxLength = file.Int32(0, "max_token_length");
        if (maxLength <= 0 || maxLength > 1 << 16)
            throw ModelFormatException.At(path, 0, $"implausible max_token_length {maxLength}");
        long offset = 4;
        var pieces = new string[vocabSize];
        var scores = new float[vocabSize];
        var kinds = new TokenKind[vocabSize];
        for (var i = 0; i < vocabSize; i++)
        {
            scores[i] = file.Single(offset, $"score of token {i}");
            var length = file.Int32(offset + 4, $"length of token {i}");
            if (length < 0 || length > maxLength)
                throw ModelFormatException.At(path, offset + 4, $"token {i} has length {length}, outside [0, {maxLength}]");
            pieces[i] = Encoding.UTF8.GetString(file.Bytes(offset + 8, length, $"bytes of token {i}"));
            offset += 8 + length;
            kinds[i] = i switch
            {
                0 => TokenKind.Unknown,
                1 or 2 => TokenKind.Control,
                _ => TokenKind.Normal,
            };
        }

        return new SentencePieceBpeTokenizer(pieces, scores, kinds, bosId: 1, eosId: 2, unknownId: 0);
    }

    /// <summary>
    /// Reads a <c>tokenizer.bin</c> without its model: the vocabulary size is the number of entries, which must
    /// fill the file exactly (a trailing partial entry is an error naming its offset).
    /// </summary>
    public static SentencePieceBpeTokenizer Read(string path) => Read(path, CountEntries(path));

    private static int CountEntries(string path)
    {
        using var file = new MappedFile(path);
        var maxLength = file.Int32(0, "max_token_length");
        if (maxLength <= 0 || maxLength > 1 << 16)
            throw ModelFormatException.At(path, 0, $"implausible max_token_length {maxLength}");
        long offset = 4;
        var count = 0;
        while (offset < file.Length)
        {
            var length = file.Int32(offset + 4, $"length of token {count}");
            if (length < 0 || length > maxLength)
                throw ModelFormatException.At(path, offset + 4, $"token {count} has length {length}, outside [0, {maxLength}]");
            file.Require(offset + 8, length, $"bytes of token {count}");
            offset += 8 + length;
            count++;
        }

        if (count == 0)
            throw ModelFormatException.At(path, 4, "the file holds no tokens");
        return count;
    }
}
