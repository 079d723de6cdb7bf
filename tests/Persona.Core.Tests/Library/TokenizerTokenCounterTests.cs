using Persona.Core.Library;
using Persona.Tensors.Formats;
using Persona.Tensors.Tokenization;
using Persona.Tests;

namespace Persona.Core.Tests.Library;

/// <summary>
/// Expected counts are the lengths of the ids the Hugging Face tokenizers library (npm @huggingface/tokenizers,
/// through tests/Persona.Tensors.Tests/Oracles/hf_tokenize.mjs, add_special_tokens false) gives for the SmolLM2
/// tokenizer.json; the system-turn counts are its ids for "&lt;|im_start|&gt;system\n" + text + "&lt;|im_end|&gt;\n".
/// </summary>
public sealed class TokenizerTokenCounterTests
{
    private const string Short = "Be exact.";
    private const string Prose = "You are Ada's writing persona.\n\nAnswer in short, direct sentences; cite sources when you can.";
    private const string Mixed = "Tu es précis 🙂 — 日本語も話す。";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string SmolLm2Directory => TestPaths.RequireShared("models", "smollm2-135m-instruct-tokenizer");

    [Theory]
    [InlineData(Short, 3)] // 6077 3018 30
    [InlineData(Prose, 22)] // 2683 359 34099 506 2385 39260 30 198 198 21350 281 1890 28 1454 8545 43 13383 2785 645 346 416 30
    [InlineData(Mixed, 23)]
    public async Task CountTokens_SmolLm2TokenizerJson_MatchesHfTokenizers(string text, int expected)
    {
        var counter = await TokenizerTokenCounter.LoadAsync(Path.Combine(SmolLm2Directory, "tokenizer.json"), cancellationToken: Ct);

        Assert.Equal(expected, counter.CountTokens(text));
        Assert.False(counter.IsEstimate);
        Assert.Equal("exact: tokenizer.json", counter.Name);
    }

    [Theory]
    [InlineData(Short, 8)] // 1 9690 198 6077 3018 30 2 198
    [InlineData(Prose, 27)]
    [InlineData(Mixed, 28)]
    public async Task CountTokens_SystemTurnFromCheckpointDirectory_CountsChatMlTurn(string text, int expected)
    {
        var counter = await TokenizerTokenCounter.LoadAsync(SmolLm2Directory, TokenCountScope.SystemTurn, Ct);

        Assert.Equal(expected, counter.CountTokens(text));
        Assert.Equal("exact: smollm2-135m-instruct-tokenizer/tokenizer.json, ChatMl system turn", counter.Name);
    }

    [Fact]
    public async Task LoadAsync_Llama2cTokenizerBin_InfersVocabularyFromEntries()
    {
        var path = TestPaths.RequireShared("models", "stories260K", "tok512.bin");

        var counter = await TokenizerTokenCounter.LoadAsync(path, cancellationToken: Ct);

        Assert.Equal(512, Llama2cTokenizerFile.Read(path).VocabSize);
        Assert.Equal(Llama2cTokenizerFile.Read(path, 512).Encode(Prose).Count, counter.CountTokens(Prose));
        Assert.Equal("exact: tok512.bin", counter.Name);
    }

    [Fact]
    public async Task LoadAsync_GgufVocabulary_CountsAsTheSameVocabularyInTokenizerBin()
    {
        var gguf = TestPaths.RequireShared("models", "llama2-tokenizer", "ggml-vocab-llama-spm.gguf");
        var bin = TestPaths.RequireShared("models", "llama2-tokenizer", "tokenizer.bin");

        var fromGguf = await TokenizerTokenCounter.LoadAsync(gguf, cancellationToken: Ct);
        var fromBin = await TokenizerTokenCounter.LoadAsync(bin, cancellationToken: Ct);

        Assert.Equal(32000, Llama2cTokenizerFile.Read(bin).VocabSize);
        Assert.Equal("exact: ggml-vocab-llama-spm.gguf", fromGguf.Name);
        foreach (var text in new[] { Short, Prose, Mixed })
            Assert.Equal(fromBin.CountTokens(text), fromGguf.CountTokens(text));
    }

    [Fact]
    public async Task LoadAsync_TruncatedTokenizerBin_NamesFileAndOffset()
    {
        var bytes = await File.ReadAllBytesAsync(TestPaths.RequireShared("models", "stories260K", "tok512.bin"), Ct);
        using var dir = TestPaths.CreateTempDirectory();
        var path = dir.Combine("cut.bin");
        await File.WriteAllBytesAsync(path, bytes[..^3], Ct);

        var ex = await Assert.ThrowsAsync<ModelFormatException>(() => TokenizerTokenCounter.LoadAsync(path, cancellationToken: Ct));

        Assert.StartsWith("cut.bin: bytes of token 511 needs", ex.Message);
        Assert.Contains("at byte offset", ex.Message);
    }

    [Fact]
    public async Task LoadAsync_SystemTurnWithoutChatTokens_NamesTheFile()
    {
        var path = TestPaths.RequireShared("models", "stories260K", "tok512.bin");

        var ex = await Assert.ThrowsAsync<ModelFormatException>(() => TokenizerTokenCounter.LoadAsync(path, TokenCountScope.SystemTurn, Ct));

        Assert.Contains("tok512.bin has no chat template tokens", ex.Message);
    }

    [Fact]
    public async Task LoadAsync_MissingOrMalformed_NamesTheFile()
    {
        using var dir = TestPaths.CreateTempDirectory();
        var bad = dir.Combine("broken.json");
        await File.WriteAllTextAsync(bad, "{ \"model\": ", Ct);

        var missing = await Assert.ThrowsAsync<FileNotFoundException>(() => TokenizerTokenCounter.LoadAsync(dir.Combine("nope.json"), cancellationToken: Ct));
        var noTokenizer = await Assert.ThrowsAsync<FileNotFoundException>(() => TokenizerTokenCounter.LoadAsync(dir.Path, cancellationToken: Ct));
        var malformed = await Assert.ThrowsAsync<ModelFormatException>(() => TokenizerTokenCounter.LoadAsync(bad, cancellationToken: Ct));

        Assert.Contains("nope.json", missing.Message);
        Assert.Contains("has no tokenizer.json", noTokenizer.Message);
        Assert.StartsWith("broken.json: invalid JSON", malformed.Message);
    }

    [Fact]
    public async Task Preview_WithTokenizer_ReportsExactCount()
    {
        using var f = new LibraryFixture();
        var a = await f.CreateAsync("Alpha", Short);
        await f.Library.AssignAsync("c", a.Id, makeDefault: true, cancellationToken: Ct);
        var counter = await TokenizerTokenCounter.LoadAsync(SmolLm2Directory, cancellationToken: Ct);

        var exact = await f.Library.PreviewAsync(new PromptPreviewRequest("c"), tokenCounter: counter, cancellationToken: Ct);
        var estimated = await f.Library.PreviewAsync(new PromptPreviewRequest("c"), cancellationToken: Ct);

        Assert.Equal(3, exact.Tokens);
        Assert.False(exact.TokensAreEstimate);
        Assert.StartsWith("exact: ", exact.TokenCounter);
        Assert.True(estimated.TokensAreEstimate);
        Assert.StartsWith("estimate", estimated.TokenCounter);
    }
}
