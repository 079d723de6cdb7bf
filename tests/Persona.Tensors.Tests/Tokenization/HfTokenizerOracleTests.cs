using Persona.Tensors.Formats;
using Persona.Tensors.Tests.Oracles;
using Persona.Tensors.Tokenization;
using Persona.Tests;

namespace Persona.Tensors.Tests.Tokenization;

/// <summary>Our byte-level BPE against the Hugging Face tokenizers library on the real SmolLM2 tokenizer.json.</summary>
public sealed class HfTokenizerOracleTests
{
    private static readonly string[] Corpus =
    [
        "Hello, world!",
        "",
        " ",
        "   leading and trailing   ",
        "tabs\tand\t\tmore\ttabs",
        "line\nbreaks\r\nand\n\n\nruns\n",
        "  \n  \n",
        "I'M 'S don't you're we've they'll I'd 'x",
        "numbers 1234567890 and 3.14159 and 1,000,000",
        "emoji 😀👍🏽 family 👨‍👩‍👧‍👦 flags 🇫🇷",
        "中文字符和日本語のテキスト、한국어",
        "astral letters 𝐀𝐁𝐂 and 𠀀𠀁 ext-B",
        "x\U00020000y \U0001D400bc",
        "control \u0001\u0004\u0006\u0013 bytes \u007f",
        "nbsp\u00a0and ideographic\u3000space and thin\u2009space",
        "<|im_start|>user\nHi 12345<|im_end|>\n",
        "<|endoftext|><|im_start|><|im_end|> glued<|im_end|>text",
        "Mixed ÜñíçødË àccents — and “quotes” … ellipsis",
        "code: def f(x):\n    return x**2  # comment\n",
        "العربية עברית русский ελληνικά",
        "   \t\n mixed whitespace \u2028 separator",
        "a\u0301 combining and \ufeff bom",
        "ٍ123٤٥٦ Arabic-Indic digits",

        // Not here: "½ ² Ⅻ". HF's Rust Digits splits on char::is_numeric (every \p{N}), which we follow;
        // the JS oracle's Digits uses \d (ASCII 0-9 only), so the two disagree on non-decimal numbers.
    ];

    [Fact]
    public async Task Encode_TrickyCorpus_MatchesHuggingFaceTokenizers()
    {
        var path = TestPaths.RequireShared("models", "smollm2-135m-instruct-tokenizer", "tokenizer.json");
        var expected = await NodeOracle.TokenizeAsync(path, Corpus, TestContext.Current.CancellationToken);
        var tokenizer = await TokenizerJson.LoadAsync(path, TestContext.Current.CancellationToken);

        for (var i = 0; i < Corpus.Length; i++)
            Assert.True(expected[i].SequenceEqual(tokenizer.Encode(Corpus[i])), $"#{i} {System.Text.Json.JsonSerializer.Serialize(Corpus[i])}: expected [{string.Join(' ', expected[i])}] got [{string.Join(' ', tokenizer.Encode(Corpus[i]))}]");
    }

    [Theory]
    [InlineData("Qwen2")]
    [InlineData("Llama3")]
    public async Task Encode_QwenAndLlama3PreTokenizers_MatchHuggingFaceTokenizers(string family)
    {
        // No Qwen2.5 or Llama-3 tokenizer.json is at hand, so the SmolLM2 vocabulary is given their
        // pre-tokenizer (Split with the family's regex, then ByteLevel without regex) and Qwen's NFC normalizer.
        var source = TestPaths.RequireShared("models", "smollm2-135m-instruct-tokenizer", "tokenizer.json");
        var regex = family == "Qwen2"
            ? @"(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+"
            : @"(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+";
        var root = System.Text.Json.Nodes.JsonNode.Parse(await File.ReadAllTextAsync(source, TestContext.Current.CancellationToken))!;
        root["normalizer"] = family == "Qwen2" ? new System.Text.Json.Nodes.JsonObject { ["type"] = "NFC" } : null;
        root["pre_tokenizer"] = System.Text.Json.Nodes.JsonNode.Parse(
            "{\"type\":\"Sequence\",\"pretokenizers\":[{\"type\":\"Split\",\"pattern\":{\"Regex\":" + System.Text.Json.JsonSerializer.Serialize(regex)
            + "},\"behavior\":\"Isolated\",\"invert\":false},{\"type\":\"ByteLevel\",\"add_prefix_space\":false,\"trim_offsets\":false,\"use_regex\":false}]}");
        using var temp = TestPaths.CreateTempDirectory();
        var path = temp.Combine("tokenizer.json");
        await File.WriteAllTextAsync(path, root.ToJsonString(), TestContext.Current.CancellationToken);
        string[] corpus = [.. Corpus, "I'M 'S DON'T WE'VE 'LL", "12345678 and 1234", "\t\tword \r\n\r\n  text  \n", "\"quoted\" (paren) [x]\n\n", "e\u0301 NFC"];
        var expected = await NodeOracle.TokenizeAsync(path, corpus, TestContext.Current.CancellationToken);
        var tokenizer = await TokenizerJson.LoadAsync(path, TestContext.Current.CancellationToken);

        for (var i = 0; i < corpus.Length; i++)
            Assert.True(expected[i].SequenceEqual(tokenizer.Encode(corpus[i])), $"#{i} {System.Text.Json.JsonSerializer.Serialize(corpus[i])}: expected [{string.Join(' ', expected[i])}] got [{string.Join(' ', tokenizer.Encode(corpus[i]))}]");
    }

    [Fact]
    public async Task Decode_Corpus_RoundTripsTextWithoutDroppedBytes()
    {
        var path = TestPaths.RequireShared("models", "smollm2-135m-instruct-tokenizer", "tokenizer.json");
        var tokenizer = await TokenizerJson.LoadAsync(path, TestContext.Current.CancellationToken);
        foreach (var text in Corpus.Where(t => !t.Contains('\u0004', StringComparison.Ordinal)))
            Assert.Equal(text, tokenizer.Decode(tokenizer.Encode(text), skipSpecial: false));
    }

    [Fact]
    public async Task ChatTemplate_ChatMl_EqualsOracleOnRenderedTextAndMasksAssistantContent()
    {
        var path = TestPaths.RequireShared("models", "smollm2-135m-instruct-tokenizer", "tokenizer.json");
        var tokenizer = await TokenizerJson.LoadAsync(path, TestContext.Current.CancellationToken);
        var template = new ChatTemplate(tokenizer, ChatFormat.ChatMl, "You are a helpful AI assistant named SmolLM, trained by Hugging Face");
        ChatMessage[] messages = [new(ChatRole.User, "Hi 12345"), new(ChatRole.Assistant, "Hello! 😀 How can I help?"), new(ChatRole.User, "\nTell me more.")];
        var rendered = "<|im_start|>system\nYou are a helpful AI assistant named SmolLM, trained by Hugging Face<|im_end|>\n"
            + "<|im_start|>user\nHi 12345<|im_end|>\n<|im_start|>assistant\nHello! 😀 How can I help?<|im_end|>\n"
            + "<|im_start|>user\n\nTell me more.<|im_end|>\n<|im_start|>assistant\n";
        var expected = (await NodeOracle.TokenizeAsync(path, [rendered], TestContext.Current.CancellationToken))[0];

        var encoding = template.Encode(messages, addGenerationPrompt: true);

        Assert.Equal(expected, encoding.Ids);
        var assistantIds = encoding.Ids.Where((_, i) => encoding.AssistantMask[i]).ToList();
        Assert.Equal([.. tokenizer.Encode("Hello! 😀 How can I help?"), tokenizer.SpecialTokenId("<|im_end|>")!.Value], assistantIds);
    }
}
