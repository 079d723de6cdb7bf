namespace Persona.Tensors.Tokenization;

/// <summary>
/// Text ↔ token ids for one vocabulary. Two families: <see cref="SentencePieceBpeTokenizer"/>
/// (score-ranked merges with byte fallback: llama2.c, GGUF "llama") and <see cref="ByteLevelBpeTokenizer"/>
/// (GPT-2 byte-level BPE: HF tokenizer.json, GGUF "gpt2").
/// </summary>
public interface ITokenizer
{
    int VocabSize { get; }

    /// <summary>Beginning-of-sequence id, or null when the vocabulary has none.</summary>
    int? BosId { get; }

    /// <summary>End-of-sequence (or end-of-turn) id, or null.</summary>
    int? EosId { get; }

    /// <summary>
    /// Encodes <paramref name="text"/>. Special/added tokens written in the text are matched as tokens
    /// (as HF tokenizers do; SentencePiece vocabularies match only user-defined tokens);
    /// <paramref name="addBos"/> prepends <see cref="BosId"/> when there is one.
    /// </summary>
    IReadOnlyList<int> Encode(string text, bool addBos = false);

    /// <summary>Decodes ids to text; control tokens are left out when <paramref name="skipSpecial"/>.</summary>
    string Decode(IReadOnlyList<int> ids, bool skipSpecial = true);

    /// <summary>The id of a special or added token written as <paramref name="content"/> (e.g. "&lt;|im_start|&gt;").</summary>
    int? SpecialTokenId(string content);
}
