using Persona.Core.Training;
using static Persona.Core.Tests.Training.TrainingFixtures;

namespace Persona.Core.Tests.Training;

public sealed class LoraDatasetReaderTests
{
    public static TheoryData<LoraDataFormat> Formats => [LoraDataFormat.OpenAI, LoraDataFormat.ShareGpt, LoraDataFormat.Trainer];

    [Theory]
    [MemberData(nameof(Formats))]
    public void Parse_WrittenRows_RoundTrip(LoraDataFormat format)
    {
        var result = new LoraDataBuilder(new LoraDataOptions { ValidFraction = 0 }).Build(Source(
            Message("m1", "Quotes \"inside\", a tab\tand ünïcødé — plus 😀 emoji."),
            Message("m2", "An opening message with no context at all, really.", context: null)));
        var jsonl = LoraDataWriter.ToJsonl(format, result.Train);

        var read = LoraDatasetReader.Parse(jsonl, format, "x.jsonl");

        Assert.Empty(read.Diagnostics);
        Assert.Equal(result.Train.Count, read.Examples.Count);
        for (var i = 0; i < read.Examples.Count; i++)
        {
            Assert.Equal(result.Train[i].Id, read.Examples[i].Id);
            Assert.Equal(result.Train[i].Context, read.Examples[i].Context);
            Assert.Equal(result.Train[i].Turns, read.Examples[i].Turns);
        }

        Assert.Equal(jsonl, LoraDataWriter.ToJsonl(format, read.Examples));
    }

    [Fact]
    public void Parse_TrainerRowsWithTokens_RoundTripIdsAndMask()
    {
        var example = new TrainingExample("m1", ExampleSource.Message, ContextKind.AssistantReply,
            [new(TrainingRole.System, "s", false), new(TrainingRole.User, "u", false), new(TrainingRole.Assistant, "a", true)])
        {
            Tokens = new TokenizedConversation([5, 6, 7, 8], [false, false, true, true]),
        };
        var jsonl = LoraDataWriter.ToJsonl(LoraDataFormat.Trainer, [example]);

        var read = Assert.Single(LoraDatasetReader.Parse(jsonl, LoraDataFormat.Trainer, "t.jsonl").Examples);

        Assert.Equal([5, 6, 7, 8], read.Tokens!.Ids);
        Assert.Equal([false, false, true, true], read.Tokens.AssistantMask);
        Assert.Contains("\"assistant_mask\":[0,0,1,1]", jsonl, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_BadRows_BecomeDiagnosticsWithLines()
    {
        var text = "{not json\n{\"id\":\"x\",\"source\":\"message\",\"context\":\"assistant_reply\",\"synthetic\":false,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}\n[1,2]\n\n{\"id\":\"y\",\"source\":\"message\",\"context\":\"generic_opener\",\"synthetic\":true,\"messages\":[]}\n";

        var read = LoraDatasetReader.Parse(text, LoraDataFormat.OpenAI, "bad.jsonl");

        Assert.Empty(read.Examples);
        Assert.Equal([1, 2, 3, 5], read.Diagnostics.Select(d => d.Line!.Value));
        Assert.Contains("no assistant turn", read.Diagnostics[1].Message, StringComparison.Ordinal);
        Assert.Contains("synthetic", read.Diagnostics[3].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ArbitraryBytes_NeverThrows()
    {
        var random = new Random(3);
        for (var i = 0; i < 200; i++)
        {
            var chars = new char[random.Next(0, 80)];
            for (var j = 0; j < chars.Length; j++)
                chars[j] = "{}[]\":,\nabc01 \\"[random.Next(15)];
            foreach (var format in new[] { LoraDataFormat.OpenAI, LoraDataFormat.ShareGpt, LoraDataFormat.Trainer })
                _ = LoraDatasetReader.Parse(new string(chars), format, "r.jsonl");
        }
    }
}
