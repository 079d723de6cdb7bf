using Persona.Core.Categorization;
using Persona.Core.Clustering;
using Persona.Corpora;

namespace Persona.Core.Tests.Clustering;

/// <summary>Categorizes and clusters a generated corpus with the default rules.</summary>
internal static class ClusteringFixture
{
    public static readonly ClusteringInputs Inputs = new("m", "c", "r", "o", "lexicon");

    public static async Task<(LabelledCorpus Corpus, ClusteringResult Result)> RunAsync(int modes, int perMode, int corpusSeed, ClusteringOptions options)
    {
        var corpus = LabelledCorpusGenerator.Generate(new CorpusOptions { ModeCount = modes, MessagesPerMode = perMode, Seed = corpusSeed });
        var ct = TestContext.Current.CancellationToken;
        var categories = await new LexiconCategorizer(CategorizationLexicon.Default).CategorizeAsync(corpus.Messages, cancellationToken: ct);
        var result = await new MessageClusterer(options, ClusteringRules.Default).ClusterAsync(corpus.Messages, categories, Inputs, cancellationToken: ct);
        return (corpus, result);
    }
}
