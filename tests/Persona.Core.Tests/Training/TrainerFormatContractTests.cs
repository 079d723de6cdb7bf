using Persona.Core.Training;
using Persona.Tensors.Formats;
using Persona.Tensors.Training;
using Persona.Tests;
using static Persona.Core.Tests.Training.TrainingFixtures;

namespace Persona.Core.Tests.Training;

/// <summary>
/// The contract between the training-data stage and the trainer: rows written in the stage's <c>trainer</c>
/// format (train flags, input_ids, assistant_mask) are read by <c>persona lora train</c>'s reader and encode
/// to the same ids and loss targets.
/// </summary>
public sealed class TrainerFormatContractTests
{
    [Fact]
    public async Task TrainerRows_WithSmolLm2Ids_AreReadAndUsedAsWritten()
    {
        var ct = TestContext.Current.CancellationToken;
        var path = TestPaths.RequireShared("models", "smollm2-135m-instruct-tokenizer", "tokenizer.json");
        var dataTokenizer = await ChatTemplateDatasetTokenizer.LoadAsync(path, ct);
        var built = new LoraDataBuilder(new LoraDataOptions { ValidFraction = 0, Format = LoraDataFormat.Trainer }, dataTokenizer)
            .Build(Source(Message("m1", "Hi 12345, I'd book the van first."), Message("m2", "Honestly the second option reads better to me.", day: 2)));
        var jsonl = LoraDataWriter.ToJsonl(LoraDataFormat.Trainer, built.Train);
        var file = Path.Combine(Path.GetTempPath(), $"trainer-rows-{Guid.NewGuid():N}.jsonl");
        try
        {
            await File.WriteAllTextAsync(file, jsonl, ct);
            var data = await ChatDataReader.ReadAsync(file, ct);

            Assert.Empty(data.Diagnostics);
            Assert.Equal(built.Train.Count, data.Conversations.Count);
            var encoder = new ConversationEncoder(await CheckpointLoader.LoadTokenizerAsync(path, 49152, ct));
            for (var i = 0; i < built.Train.Count; i++)
            {
                var written = built.Train[i];
                var read = data.Conversations[i];
                Assert.Equal(written.Turns.Select(t => t.Train), read.Trained);
                Assert.Equal(written.Tokens!.Ids, read.InputIds);
                var example = encoder.Encode(read, 4096, out var note);
                Assert.Null(note);
                Assert.Equal(written.Tokens.Ids, example.Ids);
                Assert.Equal(written.Tokens.AssistantMask, example.Targets);
                Assert.True(example.TargetCount > 0);
            }
        }
        finally
        {
            File.Delete(file);
        }
    }
}
