using System.Diagnostics;
using System.Globalization;
using Persona.Core.Categorization;
using Persona.Core.Clustering;
using Persona.Corpora;

// usage: ClusterBench <messages> <export-out.json|-> [modes]
// Generates the corpus, optionally writes it as a ChatGPT export (for the scikit-learn baseline),
// then times categorize + cluster (k search 3..6) and prints one JSON line.
var total = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10000;
var exportPath = args.Length > 1 ? args[1] : "-";
var modes = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 5;
var corpus = LabelledCorpusGenerator.Generate(new CorpusOptions { ModeCount = modes, MessagesPerMode = total / modes, Seed = 42 });
if (exportPath != "-")
{
    await using var stream = File.Create(exportPath);
    await ChatGptExportWriter.WriteExportAsync(corpus, stream);
}

var messages = corpus.Messages;
var process = Stopwatch.StartNew();
var watch = Stopwatch.StartNew();
var categories = await new LexiconCategorizer(CategorizationLexicon.Default).CategorizeAsync(messages);
var categorizeSeconds = watch.Elapsed.TotalSeconds;
var categorizeCpu = Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;
watch.Restart();
var steps = new List<string>();
var last = Stopwatch.StartNew();
var cpu = Process.GetCurrentProcess().TotalProcessorTime;
var progress = new SyncProgress(p =>
{
    var now = Process.GetCurrentProcess().TotalProcessorTime;
    steps.Add(FormattableString.Invariant($"\"{p.Step}:{p.Done}\": [{last.Elapsed.TotalSeconds:F3}, {(now - cpu).TotalSeconds:F3}]"));
    cpu = now;
    last.Restart();
});
var clusterer = new MessageClusterer(new ClusteringOptions(), ClusteringRules.Default);
var result = await clusterer.ClusterAsync(messages, categories, new ClusteringInputs("-", "-", "-", "-", "lexicon"), progress);
var clusterSeconds = watch.Elapsed.TotalSeconds;
var ari = AdjustedRandIndex.Compute(corpus.TruthLabels(), result.Labels());
Console.WriteLine(FormattableString.Invariant(
    $"{{\"messages\": {messages.Count}, \"true_k\": {modes}, \"k\": {result.Analysis.K}, \"ari_vs_truth\": {ari:F4}, \"stability_min_ari\": {result.Analysis.Quality.StabilityMinAri}, \"silhouette\": {result.Analysis.Quality.Silhouette}, \"vocabulary\": {result.Analysis.Features.Vocabulary}, \"categorize_s\": {categorizeSeconds:F3}, \"cluster_s\": {clusterSeconds:F3}, \"total_s\": {process.Elapsed.TotalSeconds:F3}, \"cpu_s_after_categorize\": {categorizeCpu:F3}, \"cpu_s\": {Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds:F3}, \"steps\": {{{string.Join(", ", steps)}}}}}"));

/// <summary>Reports synchronously on the caller's thread (Progress&lt;T&gt; would post to the thread pool).</summary>
internal sealed class SyncProgress(Action<ClusteringProgress> report) : IProgress<ClusteringProgress>
{
    public void Report(ClusteringProgress value) => report(value);
}
