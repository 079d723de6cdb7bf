using Persona.Core.Categorization;
using Persona.Core.Clustering;
using Persona.Core.Pipeline;
using Persona.Corpora;
using Persona.Tests;

namespace Persona.Core.Tests.Clustering;

public sealed class ClusteringStageTests
{
    private static readonly ClusteringOptions Options = new() { Seed = 9, StabilityRuns = 2, Restarts = 4 };

    [Fact]
    public async Task RunAsync_SameInputAndSeed_WritesByteIdenticalOutputs()
    {
        using var a = TestPaths.CreateTempDirectory();
        using var b = TestPaths.CreateTempDirectory();
        var corpus = LabelledCorpusGenerator.Generate(new CorpusOptions { ModeCount = 4, MessagesPerMode = 40, Seed = 21 });

        await RunAsync(new PipelinePaths(a.Path), corpus, refresh: false);
        await RunAsync(new PipelinePaths(b.Path), corpus, refresh: false);

        var filesA = Files(a.Path);
        Assert.Equal(filesA.Keys, Files(b.Path).Keys);
        Assert.Contains(filesA.Keys, f => f.EndsWith("cluster_analysis.json", StringComparison.Ordinal));
        Assert.Contains(filesA.Keys, f => f.EndsWith("assignments.parquet", StringComparison.Ordinal));
        Assert.Contains(filesA.Keys, f => f.EndsWith("categorized_messages.parquet", StringComparison.Ordinal));
        Assert.Contains(filesA.Keys, f => f.EndsWith("clusters.html", StringComparison.Ordinal));
        Assert.Equal(4, filesA.Keys.Count(f => Path.GetFileName(f).StartsWith("persona_", StringComparison.Ordinal)));
        foreach (var (file, bytes) in filesA)
            Assert.True(bytes.AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(b.Path, file))), $"{file} differs between runs");
    }

    [Fact]
    public async Task RunAsync_Refresh_ReusesUnchangedAndRecomputesChanged()
    {
        using var dir = TestPaths.CreateTempDirectory();
        var paths = new PipelinePaths(dir.Path);
        var corpus = LabelledCorpusGenerator.Generate(new CorpusOptions { ModeCount = 3, MessagesPerMode = 30, Seed = 4 });

        var (firstCategories, firstClusters) = await RunAsync(paths, corpus, refresh: true);
        var (againCategories, againClusters) = await RunAsync(paths, corpus, refresh: true);
        var changed = corpus with { Items = [.. corpus.Items.Skip(1)] };
        var (changedCategories, changedClusters) = await RunAsync(paths, changed, refresh: true);

        Assert.False(firstCategories.Reused);
        Assert.False(firstClusters.Reused);
        Assert.True(againCategories.Reused);
        Assert.True(againClusters.Reused);
        Assert.Equal(firstClusters.Analysis.Inputs, againClusters.Analysis.Inputs);
        Assert.Equal(firstClusters.Result.Assignments, againClusters.Result.Assignments);
        Assert.False(changedCategories.Reused);
        Assert.False(changedClusters.Reused);
        Assert.Equal(changed.Items.Count, changedClusters.Analysis.MessageCount);
    }

    [Fact]
    public async Task RunAsync_Outputs_ReadBackAndAgree()
    {
        using var dir = TestPaths.CreateTempDirectory();
        var paths = new PipelinePaths(dir.Path);
        var corpus = LabelledCorpusGenerator.Generate(new CorpusOptions { ModeCount = 3, MessagesPerMode = 30, Seed = 8 });
        var ct = TestContext.Current.CancellationToken;

        var (categorization, clustering) = await RunAsync(paths, corpus, refresh: false);

        var categories = await CategorizedMessagesDataset.ReadAsync(paths.CategorizedMessages, ct);
        var assignments = await ClusterAssignmentsDataset.ReadAsync(paths.ClusterAssignments, ct);
        var analysis = await ClusterOutputWriter.ReadAnalysisAsync(paths, ct);
        Assert.Equal(categorization.Categories, categories, new CategoriesComparer());
        Assert.Equal(clustering.Result.Assignments, assignments);
        Assert.NotNull(analysis);
        Assert.Equal(clustering.Analysis.K, analysis.K);
        Assert.Equal(analysis.Clusters.Select(c => c.Size), analysis.Clusters.Select(c => assignments.Count(a => a.Cluster == c.Id)));
        foreach (var (cluster, file) in analysis.Clusters.Zip(ClusterOutputWriter.PersonaFileNames(analysis)))
            Assert.Equal(cluster.Size, File.ReadAllLines(Path.Combine(paths.Clusters, file)).Length);
    }

    private static async Task<(CategorizationRun, ClusteringRun)> RunAsync(PipelinePaths paths, LabelledCorpus corpus, bool refresh)
    {
        var ct = TestContext.Current.CancellationToken;
        var lexicon = CategorizationLexicon.Default;
        var categorization = await CategorizationStage.RunAsync(paths, corpus.Messages, new LexiconCategorizer(lexicon), lexicon.ContentHash, lexicon.Source, refresh, cancellationToken: ct);
        var clustering = await ClusteringStage.RunAsync(paths, corpus.Messages, categorization, ClusteringRules.Default, Options, refresh, cancellationToken: ct);
        return (categorization, clustering);
    }

    private static Dictionary<string, byte[]> Files(string root) =>
        Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .ToDictionary(f => Path.GetRelativePath(root, f), File.ReadAllBytes);

    private sealed class CategoriesComparer : IEqualityComparer<MessageCategories>
    {
        public bool Equals(MessageCategories? x, MessageCategories? y) =>
            x is not null && y is not null && x.MessageId == y.MessageId && x.Topic == y.Topic && x.Tone == y.Tone && x.Length == y.Length
            && x.ReasoningMarkers.SequenceEqual(y.ReasoningMarkers) && x.QuestionTypes.SequenceEqual(y.QuestionTypes) && x.WordCount == y.WordCount;

        public int GetHashCode(MessageCategories obj) => obj.MessageId.GetHashCode(StringComparison.Ordinal);
    }
}
