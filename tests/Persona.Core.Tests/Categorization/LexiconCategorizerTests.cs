using Persona.Core.Categorization;
using Persona.Corpora;

namespace Persona.Core.Tests.Categorization;

public sealed class LexiconCategorizerTests
{
    private static readonly LexiconCategorizer Categorizer = new(CategorizationLexicon.Default);

    [Theory]
    [InlineData("getting a NullReferenceException in LoadAsync, stack trace points at Program.cs", "coding")]
    [InlineData("Should we raise our pricing for enterprise customers given the churn and the budget?", "business")]
    [InlineData("What if the villain is a retired dragon who narrates the whole story?", "creative")]
    [InlineData("The correlation between the two columns is 0.4 but the histogram is skewed", "analysis")]
    [InlineData("Can you proofread this paragraph of my cover letter and rephrase the draft?", "writing")]
    [InlineData("Can you explain entropy? I never really understood the concept in school", "learning")]
    [InlineData("I feel anxious and lonely since my best friend moved away", "personal")]
    [InlineData("zzz qqq", "other")]
    public void Categorize_Topic_FollowsLexicon(string text, string expected)
    {
        var result = Categorizer.Categorize("m1", text);

        Assert.Equal(new TopicCategory(expected), result.Topic.Value);
        Assert.InRange(result.Topic.Confidence, 0.0, 1.0);
    }

    [Theory]
    [InlineData("Could you please outline the recommendation for the board, with the assumptions stated explicitly, in terms of cost and margin over the fiscal year?", "formal")]
    [InlineData("ok lol that's kinda weird haha", "casual")]
    [InlineData("parse_config() throws an exception on line 42, log says null", "technical")]
    [InlineData("I wonder what if the stars could whisper? maybe, just imagine", "exploratory")]
    public void Categorize_Tone_FollowsLexiconAndSignals(string text, string expected) =>
        Assert.Equal(new Tone(expected), Categorizer.Categorize("m1", text).Tone.Value);

    [Theory]
    [InlineData("It fails because the cache is stale.", "because")]
    [InlineData("Therefore we should wait.", "therefore")]
    [InlineData("It works, but only locally.", "but")]
    [InlineData("Alternatively, we could ship later.", "alternatively")]
    [InlineData("If the test fails, retry.", "conditional")]
    [InlineData("Use a pool, for example a connection pool.", "example")]
    [InlineData("What is the difference between them?", "comparison")]
    public void Categorize_ReasoningMarker_IsFound(string text, string expected) =>
        Assert.Contains(Categorizer.Categorize("m1", text).ReasoningMarkers, m => m.Value == new ReasoningMarker(expected));

    [Fact]
    public void Categorize_NoMarkerPhrase_NoMarkers() =>
        Assert.Empty(Categorizer.Categorize("m1", "Hello there friend.").ReasoningMarkers);

    [Theory]
    [InlineData("How does GPS work?", "how")]
    [InlineData("ok so why does it return null here", "why")]
    [InlineData("How come ice floats?", "why")]
    [InlineData("What if the moon disappeared?", "what_if")]
    [InlineData("Should I change careers?", "should_i")]
    [InlineData("What is entropy?", "what")]
    [InlineData("Can you give me five names?", "can_you")]
    [InlineData("Is that really right?", "is_it")]
    public void Categorize_QuestionType_AtSentenceStart(string text, string expected)
    {
        var types = Categorizer.Categorize("m1", text).QuestionTypes;

        Assert.Equal(new QuestionType(expected), Assert.Single(types).Value);
    }

    [Fact]
    public void Categorize_WhatWithoutQuestionMark_IsNotAQuestion() =>
        Assert.Empty(Categorizer.Categorize("m1", "What a lovely day.").QuestionTypes);

    [Theory]
    [InlineData(3, LengthCategory.Short)]
    [InlineData(15, LengthCategory.Short)]
    [InlineData(16, LengthCategory.Medium)]
    [InlineData(59, LengthCategory.Medium)]
    [InlineData(60, LengthCategory.Long)]
    public void Categorize_Length_UsesThresholds(int words, LengthCategory expected)
    {
        var text = string.Join(' ', Enumerable.Repeat("word", words));

        var length = Categorizer.Categorize("m1", text).Length;

        Assert.Equal(expected, length.Value);
        Assert.InRange(length.Confidence, 0.5, 1.0);
    }

    [Fact]
    public async Task CategorizeAsync_GeneratedCorpus_TopicMatchesModeForMostMessages()
    {
        var corpus = LabelledCorpusGenerator.Generate(new CorpusOptions { ModeCount = 6, MessagesPerMode = 50, Seed = 3 });
        var expected = new Dictionary<string, string>
        {
            ["debugging"] = "coding", ["business-planning"] = "business", ["fiction"] = "creative",
            ["learning"] = "learning", ["reflection"] = "personal", ["data-analysis"] = "analysis",
        };

        var results = await Categorizer.CategorizeAsync(corpus.Messages, cancellationToken: TestContext.Current.CancellationToken);

        var correct = results.Zip(corpus.Items).Count(p => p.First.Topic.Value.Value == expected[p.Second.Mode]);
        Assert.True(correct >= 0.85 * results.Count, $"{correct}/{results.Count} topics match the true mode");
    }
}
