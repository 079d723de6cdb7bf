using Persona.Core.Categorization;
using Persona.Core.Configuration;
using Persona.Tests;

namespace Persona.Core.Tests.Categorization;

public sealed class CategorizationLexiconTests
{
    [Fact]
    public void Default_IsTheCommittedConfigFile()
    {
        var committed = File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "config", "categorization.yaml"));

        Assert.Equal(YamlDocumentReader.Hash(committed), CategorizationLexicon.Default.ContentHash);
    }

    [Fact]
    public async Task LoadAsync_UserEditedLexicon_ChangesTheResult()
    {
        using var dir = TestPaths.CreateTempDirectory();
        var path = dir.Combine("categorization.yaml");
        var yaml = YamlDocumentReader.ReadEmbedded("categorization.yaml")
            .Replace("  writing:\n    weight: 1.0\n    phrases: [", "  writing:\n    weight: 1.0\n    phrases: [sourdough, ", StringComparison.Ordinal);
        await File.WriteAllTextAsync(path, yaml, TestContext.Current.CancellationToken);
        const string text = "my sourdough starter smells odd";

        var before = new LexiconCategorizer(CategorizationLexicon.Default).Categorize("m", text);
        var edited = await CategorizationLexicon.LoadAsync(path, TestContext.Current.CancellationToken);
        var after = new LexiconCategorizer(edited).Categorize("m", text);

        Assert.Equal(TopicCategory.Other, before.Topic.Value);
        Assert.Equal(TopicCategory.Writing, after.Topic.Value);
        Assert.NotEqual(CategorizationLexicon.Default.ContentHash, edited.ContentHash);
        Assert.Equal(path, edited.Source);
    }

    [Fact]
    public void Parse_NewTopic_IsAnOpenVocabularyValue()
    {
        var lexicon = CategorizationLexicon.Parse("topics:\n  cooking:\n    phrases: [recipe, bake*]\ntones:\n  casual:\n    phrases: [ok]\n", "test.yaml");

        var result = new LexiconCategorizer(lexicon).Categorize("m", "baking bread from a recipe");

        Assert.Equal("cooking", result.Topic.Value.Value);
    }

    [Fact]
    public void Parse_SyntaxError_NamesFileLineAndColumn()
    {
        var ex = Assert.Throws<InvalidDataException>(() => CategorizationLexicon.Parse("topics:\n  coding: [unclosed\n", "my.yaml"));

        Assert.StartsWith("my.yaml(", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_SemanticErrors_AreReportedTogether()
    {
        const string yaml = "topics:\n  coding:\n    weight: -1\n    phrases: []\ntones:\n  casual:\n    signals: { shouting: 1 }\nlength:\n  short_max_words: 50\n  long_min_words: 10\n";

        var ex = Assert.Throws<InvalidDataException>(() => CategorizationLexicon.Parse(yaml, "bad.yaml"));

        Assert.Contains("topics.coding.phrases", ex.Message, StringComparison.Ordinal);
        Assert.Contains("topics.coding.weight", ex.Message, StringComparison.Ordinal);
        Assert.Contains("tones.casual.signals.shouting", ex.Message, StringComparison.Ordinal);
        Assert.Contains("length:", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoadAsync_MissingExplicitFile_Throws()
    {
        await Assert.ThrowsAsync<FileNotFoundException>(() => CategorizationLexicon.LoadAsync("no/such/file.yaml", TestContext.Current.CancellationToken));
    }
}
