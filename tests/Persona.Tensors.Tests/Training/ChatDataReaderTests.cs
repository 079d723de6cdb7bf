using Persona.Tensors.Formats;
using Persona.Tensors.Training;
using Persona.Tests;

namespace Persona.Tensors.Tests.Training;

/// <summary>The trainer's reader on the three row formats (OpenAI messages, ShareGPT, the data stage's trainer rows).</summary>
public sealed class ChatDataReaderTests
{
    private const string TwoAnswers =
        "{\"messages\":[{\"role\":\"system\",\"content\":\"Be brief.\",\"train\":false},{\"role\":\"user\",\"content\":\"Hi\",\"train\":false}," +
        "{\"role\":\"assistant\",\"content\":\"Hello there.\",\"train\":false},{\"role\":\"user\",\"content\":\"And?\",\"train\":false}," +
        "{\"role\":\"assistant\",\"content\":\"Bye now.\",\"train\":true}]}";

    [Fact]
    public void ParseLine_TrainerRow_KeepsThePerTurnTrainFlags()
    {
        var conversation = ChatDataReader.ParseLine(TwoAnswers, 3, out var error);

        Assert.Null(error);
        Assert.NotNull(conversation);
        Assert.Equal([false, false, false, false, true], conversation.Trained);
        Assert.Equal(3, conversation.Line);
        Assert.Null(conversation.InputIds);
    }

    [Fact]
    public void ParseLine_OpenAiAndShareGpt_TrainTheAssistantTurns()
    {
        var openAi = ChatDataReader.ParseLine("{\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"},{\"role\":\"assistant\",\"content\":\"Yo\"}]}", 1, out _);
        var shareGpt = ChatDataReader.ParseLine("{\"conversations\":[{\"from\":\"human\",\"value\":\"Hi\"},{\"from\":\"gpt\",\"value\":\"Yo\"}]}", 1, out _);

        Assert.Equal([false, true], openAi!.Trained);
        Assert.Equal([false, true], shareGpt!.Trained);
    }

    [Theory]
    [InlineData("{\"messages\":[{\"role\":\"user\",\"content\":\"Hi\",\"train\":false},{\"role\":\"assistant\",\"content\":\"Yo\",\"train\":\"yes\"}]}", "\"train\" must be true or false")]
    [InlineData("{\"messages\":[{\"role\":\"user\",\"content\":\"Hi\",\"train\":false},{\"role\":\"assistant\",\"content\":\"Yo\",\"train\":false}]}", "no message has \"train\": true")]
    [InlineData("{\"messages\":[{\"role\":\"assistant\",\"content\":\"Yo\",\"train\":true}],\"input_ids\":[1,2,3],\"assistant_mask\":[0,1]}", "same length")]
    [InlineData("{\"messages\":[{\"role\":\"assistant\",\"content\":\"Yo\",\"train\":true}],\"input_ids\":[1,-2],\"assistant_mask\":[0,1]}", "\"input_ids\"[1]")]
    [InlineData("{\"messages\":[{\"role\":\"assistant\",\"content\":\"Yo\",\"train\":true}],\"input_ids\":[1,2],\"assistant_mask\":[0,2]}", "\"assistant_mask\"[1]")]
    [InlineData("{\"messages\":[{\"role\":\"assistant\",\"content\":\"Yo\",\"train\":true}],\"input_ids\":[1,2],\"assistant_mask\":[1,0]}", "marks no token")]
    public async Task ReadAsync_BadTrainerRow_BecomesADiagnosticWithTheLine(string row, string reason)
    {
        var file = Path.Combine(Path.GetTempPath(), $"chat-{Guid.NewGuid():N}.jsonl");
        await File.WriteAllTextAsync(file, TwoAnswers + "\n" + row + "\n", TestContext.Current.CancellationToken);
        try
        {
            var data = await ChatDataReader.ReadAsync(file, TestContext.Current.CancellationToken);

            Assert.Single(data.Conversations);
            var diagnostic = Assert.Single(data.Diagnostics);
            Assert.Equal(2, diagnostic.Line);
            Assert.Equal(file, diagnostic.Path);
            Assert.Contains(reason, diagnostic.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Encode_TrainFalseOnAnAssistantTurn_MasksOnlyTheTrainedTurn()
    {
        var path = TestPaths.RequireShared("models", "smollm2-135m-instruct-tokenizer", "tokenizer.json");
        var tokenizer = await CheckpointLoader.LoadTokenizerAsync(path, 49152, TestContext.Current.CancellationToken);
        var encoder = new ConversationEncoder(tokenizer);
        var conversation = ChatDataReader.ParseLine(TwoAnswers, 1, out _)!;

        var example = encoder.Encode(conversation, 4096, out var note);

        Assert.Null(note);
        var trained = example.Ids.Where((_, i) => example.Targets[i]).ToList();
        Assert.Equal([.. tokenizer.Encode("Bye now."), tokenizer.SpecialTokenId("<|im_end|>")!.Value], trained);
        var all = encoder.Encode(conversation.Messages, 4096);
        Assert.Equal(example.Ids, all.Ids);
        Assert.True(all.TargetCount > example.TargetCount);
    }

    [Fact]
    public async Task Encode_InputIdsFromAnotherTokenizer_AreReTokenisedWithANote()
    {
        var path = TestPaths.RequireShared("models", "smollm2-135m-instruct-tokenizer", "tokenizer.json");
        var encoder = new ConversationEncoder(await CheckpointLoader.LoadTokenizerAsync(path, 49152, TestContext.Current.CancellationToken));
        var own = encoder.Encode(ChatDataReader.ParseLine(TwoAnswers, 1, out _)!, 4096, out _);
        var foreign = own.Ids.Select(id => id + 100_000).ToArray();
        var shifted = own.Ids.Select(id => id == 2 ? 1 : id).ToArray();

        var beyond = encoder.Encode(new ChatConversation(ChatDataReader.ParseLine(TwoAnswers, 1, out _)!.Messages, [false, false, false, false, true], 1, foreign, own.Targets), 4096, out var noteBeyond);
        var different = encoder.Encode(new ChatConversation(ChatDataReader.ParseLine(TwoAnswers, 1, out _)!.Messages, [false, false, false, false, true], 1, shifted, own.Targets), 4096, out var noteDifferent);

        Assert.Contains("beyond the model's vocabulary", noteBeyond, StringComparison.Ordinal);
        Assert.Contains("differ from this model's rendering", noteDifferent, StringComparison.Ordinal);
        Assert.Equal(own.Ids, beyond.Ids);
        Assert.Equal(own.Ids, different.Ids);
        Assert.Equal(own.Targets, different.Targets);
    }

    [Fact]
    public async Task Encode_PlainTranscript_FollowsTheTrainFlags()
    {
        var tokenizer = await CheckpointLoader.LoadTokenizerAsync(TestPaths.RequireShared("models", "stories260K", "tok512.bin"), 512, TestContext.Current.CancellationToken);
        var encoder = new ConversationEncoder(tokenizer);
        var conversation = ChatDataReader.ParseLine(TwoAnswers, 1, out _)!;

        var example = encoder.Encode(conversation, 4096, out _);

        Assert.Equal(PromptFormat.PlainTranscript, encoder.Format);
        var trained = example.Ids.Where((_, i) => example.Targets[i]).ToArray();
        Assert.Equal([.. tokenizer.Encode("Bye now."), tokenizer.EosId!.Value], trained);
    }
}
