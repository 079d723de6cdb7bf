using Persona.Core.Training;
using static Persona.Core.Tests.Training.TrainingFixtures;

namespace Persona.Core.Tests.Training;

public sealed class LoraDataBuilderTests
{
    [Fact]
    public void Build_PersonMessage_IsTheAssistantTurnAndTheContextTheUserTurn()
    {
        var m = Message("m1", "I would split the move into three weekends and book the van first.", "Here is a plan for your move: pack room by room.");
        var result = new LoraDataBuilder(new LoraDataOptions { ValidFraction = 0 }).Build(Source(m));

        var example = Assert.Single(result.Train);
        Assert.Equal([TrainingRole.System, TrainingRole.User, TrainingRole.Assistant], example.Turns.Select(t => t.Role));
        Assert.Equal("You plan carefully.", example.Turns[0].Content);
        Assert.Equal("Here is a plan for your move: pack room by room.", example.Turns[1].Content);
        Assert.Equal(m.Text, example.Turns[2].Content);
        Assert.Equal([false, false, true], example.Turns.Select(t => t.Train));
        Assert.Equal(ContextKind.AssistantReply, example.Context);
        Assert.DoesNotContain(example.Turns, t => t.Role == TrainingRole.Assistant && t.Content.Contains("pack room by room", StringComparison.Ordinal));
    }

    [Fact]
    public void Build_OpeningMessage_GetsTheLabelledGenericOpener()
    {
        var result = new LoraDataBuilder(new LoraDataOptions { ValidFraction = 0 }).Build(Source(Message("m1", "Can you help me plan a weekend in Lisbon on a budget?", context: null)));

        var example = Assert.Single(result.Train);
        Assert.Equal(ContextKind.GenericOpener, example.Context);
        Assert.Equal(LoraDataOptions.DefaultGenericOpener, example.Turns[1].Content);
        Assert.False(example.Synthetic);
    }

    [Fact]
    public void Build_LongContext_KeepsItsEndWithinTheBound()
    {
        var context = string.Join(" ", Enumerable.Range(0, 400).Select(i => "word" + i)) + " FINAL QUESTION?";
        var result = new LoraDataBuilder(new LoraDataOptions { ValidFraction = 0, MaxContextChars = 200 }).Build(Source(Message("m1", "Yes, the final question is the one I care about.", context)));

        var user = Assert.Single(result.Train).Turns[1].Content;
        Assert.True(user.Length <= 200, $"length {user.Length}");
        Assert.StartsWith(ContextBounder.Ellipsis, user, StringComparison.Ordinal);
        Assert.EndsWith("FINAL QUESTION?", user, StringComparison.Ordinal);
        Assert.DoesNotContain("word0 ", user, StringComparison.Ordinal);
    }

    public static TheoryData<string, FilterKind> FilteredTexts => new()
    {
        { "ok thanks", FilterKind.TooShort },
        { new string('a', 50) + string.Concat(Enumerable.Repeat(" lorem ipsum", 600)), FilterKind.TooLong },
        { "Here is my code:\n```\npublic int Add(int a, int b)\n{\n    return a + b;\n}\nvar x = Add(1, 2);\n```", FilterKind.CodeDump },
        { "2025-01-03 10:00:01 INFO starting worker\n2025-01-03 10:00:02 WARN slow disk\n2025-01-03 10:00:05 ERROR worker died\n2025-01-03 10:00:06 INFO restarting", FilterKind.LogDump },
        { "Unhandled exception. System.InvalidOperationException: boom\n   at Foo.Bar.Baz() in /src/Foo.cs:line 10\n   at Foo.Program.Main(String[] args)\n   at System.Threading.Tasks.Task.Run()", FilterKind.StackTrace },
        { "Traceback (most recent call last):\n  File \"app.py\", line 3, in <module>\n    main()\n  File \"app.py\", line 2, in main", FilterKind.StackTrace },
    };

    [Theory]
    [MemberData(nameof(FilteredTexts))]
    public void Build_FilteredText_IsRemovedAndCountedByItsFilter(string text, FilterKind expected)
    {
        var messages = Prose(3).Append(Message("bad", text)).ToArray();
        var result = new LoraDataBuilder(new LoraDataOptions { ValidFraction = 0 }).Build(Source(messages));

        var removal = Assert.Single(result.Removed);
        Assert.Equal("bad", removal.Id);
        Assert.Equal(expected, removal.Filter);
        Assert.Equal(1, result.Filters.Single(f => f.Filter == expected).Removed);
        Assert.Equal(0, result.Filters.Where(f => f.Filter != expected).Sum(f => f.Removed));
        Assert.Equal(3, result.Train.Count);
    }

    [Fact]
    public void Build_ProseWithOneCodeLine_IsKept()
    {
        var text = "I keep wondering whether I should refactor this.\nThe line `var total = items.Sum();` works.\nBut is it readable for the team?\nI think clarity wins here.";
        var result = new LoraDataBuilder(new LoraDataOptions { ValidFraction = 0 }).Build(Source(Message("m1", text)));

        Assert.Empty(result.Removed);
    }

    [Fact]
    public void Build_TooManyTokens_IsRemoved()
    {
        var text = string.Join(" ", Enumerable.Range(0, 120).Select(i => "token" + i));
        var result = new LoraDataBuilder(new LoraDataOptions { ValidFraction = 0, MaxTokens = 50 }).Build(Source(Message("m1", text)));

        Assert.Equal(FilterKind.TooManyTokens, Assert.Single(result.Removed).Filter);
    }

    [Fact]
    public void Build_Duplicates_KeepTheEarliestAndNameIt()
    {
        var result = new LoraDataBuilder(new LoraDataOptions { ValidFraction = 0 }).Build(Source(
            Message("b-late", "I think we should  RENT the van on Friday, not Saturday.", day: 5),
            Message("a-early", "I think we should rent the van on Friday, not Saturday.", day: 2),
            Message("c-near", "I think we should rent the van on Friday, not on Saturday!", day: 7),
            Message("d-other", "My sister wants the wedding in spring; I prefer early autumn.", day: 9)));

        Assert.Equal(["a-early", "d-other"], result.Train.Select(e => e.Id));
        var exact = result.Removed.Single(r => r.Filter == FilterKind.ExactDuplicate);
        Assert.Equal(("b-late", "duplicate of a-early"), (exact.Id, exact.Detail));
        var near = result.Removed.Single(r => r.Filter == FilterKind.NearDuplicate);
        Assert.Equal("c-near", near.Id);
        Assert.StartsWith("near-duplicate of a-early", near.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_TemplatedMessages_AreAllRemoved()
    {
        var templated = Enumerable.Range(1, 4).Select(i => Message($"t{i}",
            $"Order confirmation number {1000 + (i * 37)}: please ship {i} boxes of {new[] { "blue pens", "staplers", "A4 paper reams", "sticky notes" }[i - 1]} to warehouse {i}.", day: i));
        var result = new LoraDataBuilder(new LoraDataOptions { ValidFraction = 0 }).Build(Source([.. Prose(2), .. templated]));

        Assert.Equal(4, result.Filters.Single(f => f.Filter == FilterKind.Templated).Removed);
        Assert.Equal(2, result.Train.Count);
    }

    [Fact]
    public void Build_AddingData_NeverMovesExistingExamplesBetweenSplits()
    {
        var options = new LoraDataOptions { ValidFraction = 0.3, Seed = 7 };
        var before = new LoraDataBuilder(options).Build(Source(Prose(60)));
        var after = new LoraDataBuilder(options).Build(Source([.. Prose(60), .. Prose(40, "n")]));

        Assert.NotEmpty(before.Valid);
        Assert.All(before.Valid, e => Assert.Contains(after.Valid, x => x.Id == e.Id));
        Assert.All(before.Train, e => Assert.Contains(after.Train, x => x.Id == e.Id));
        var otherSeed = new LoraDataBuilder(options with { Seed = 8 }).Build(Source(Prose(60)));
        Assert.NotEqual(before.Valid.Select(e => e.Id), otherSeed.Valid.Select(e => e.Id));
    }

    [Fact]
    public void Build_ValidFraction_IsApproximatelyHonoured()
    {
        var result = new LoraDataBuilder(new LoraDataOptions { ValidFraction = 0.2 }).Build(Source(Prose(500)));

        Assert.InRange(result.Valid.Count, 70, 130);
        Assert.Equal(500, result.Kept);
    }

    [Fact]
    public void Build_EstimatedTokens_AreCountedPerSplit()
    {
        var result = new LoraDataBuilder(new LoraDataOptions { ValidFraction = 0 }).Build(Source(Prose(10)));

        Assert.Equal(10, result.TrainTokens.Examples);
        Assert.True(result.TrainTokens.TrainedTokens > 0 && result.TrainTokens.TrainedTokens < result.TrainTokens.TotalTokens);
        Assert.True(result.TrainTokens.Min <= result.TrainTokens.Median && result.TrainTokens.Median <= result.TrainTokens.Max);
        Assert.Equal(TokenStatistics.Empty, result.ValidTokens);
    }

    [Fact]
    public void Constructor_InvalidOptions_ListsEveryProblem()
    {
        var ex = Assert.Throws<ArgumentException>(() => new LoraDataBuilder(new LoraDataOptions { MinChars = 10, MaxChars = 5, ValidFraction = 1.5 }));

        Assert.Contains("max-chars", ex.Message, StringComparison.Ordinal);
        Assert.Contains("valid-fraction", ex.Message, StringComparison.Ordinal);
    }
}
