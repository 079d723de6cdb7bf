using Persona.Core.Training;
using Persona.Tests;
using static Persona.Core.Tests.Training.TrainingFixtures;

namespace Persona.Core.Tests.Training;

public sealed class ChatTemplateDatasetTokenizerTests
{
    [Fact]
    public async Task Build_WithSmolLm2Tokenizer_MasksExactlyTheAssistantContentAndEndOfTurn()
    {
        var path = TestPaths.RequireShared("models", "smollm2-135m-instruct-tokenizer", "tokenizer.json");
        var tokenizer = await ChatTemplateDatasetTokenizer.LoadAsync(path, TestContext.Current.CancellationToken);
        var result = new LoraDataBuilder(new LoraDataOptions { ValidFraction = 0, Format = LoraDataFormat.Trainer }, tokenizer)
            .Build(Source(Message("m1", "Hi 12345, I'd book the van first.")));

        var tokens = Assert.Single(result.Train).Tokens!;
        Assert.Equal(tokens.Ids.Count, tokens.AssistantMask.Count);
        var masked = tokens.Ids.Where((_, i) => tokens.AssistantMask[i]).ToList();
        // SmolLM2: <|im_end|> is id 2; the trained ids are the assistant text followed by it.
        Assert.Equal(2, masked[^1]);
        Assert.Equal(tokenizer.CountTokens("Hi 12345, I'd book the van first.") + 1, masked.Count);
        Assert.False(result.TrainTokens.Examples == 0);
        Assert.Contains("\"assistant_mask\":[", LoraDataWriter.ToJsonl(LoraDataFormat.Trainer, result.Train), StringComparison.Ordinal);
    }
}
