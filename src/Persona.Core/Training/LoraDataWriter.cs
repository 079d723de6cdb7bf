using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Persona.Core.Llm;
using Persona.Core.Storage;

namespace Persona.Core.Training;

/// <summary>
/// Writes <c>persona_&lt;slug&gt;_{train,valid}.jsonl</c>, <c>persona_&lt;slug&gt;.card.json</c> and
/// <c>.card.md</c> per persona, each atomically, with "\n" line ends and no timestamps: the same result
/// gives the same bytes. Files of personas no longer present are removed after the new ones are written.
/// </summary>
public static class LoraDataWriter
{
    private static readonly JsonWriterOptions RowOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = false };

    public static async Task<IReadOnlyList<string>> WriteAsync(LoraDataResult result, string outputFolder, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentException.ThrowIfNullOrEmpty(outputFolder);
        Directory.CreateDirectory(outputFolder);
        var written = new List<string>();
        var format = LoraRowFormats.For(result.Options.Format);
        foreach (var persona in result.Personas)
        {
            var train = Jsonl(format, persona.Train);
            var valid = Jsonl(format, persona.Valid);
            var card = Card(result, persona, train, valid);
            var files = new (string Name, string Content)[]
            {
                (persona.TrainFileName, train),
                (persona.ValidFileName, valid),
                (persona.CardFileName, JsonSerializer.Serialize(card, LoraDataJsonContext.Readable.DatasetCard) + "\n"),
                (persona.CardMarkdownFileName, DatasetCardMarkdown.Render(card)),
            };
            foreach (var (name, content) in files)
            {
                var path = Path.Combine(outputFolder, name);
                await AtomicFile.WriteAllTextAsync(path, content, cancellationToken).ConfigureAwait(false);
                written.Add(path);
            }
        }

        var current = written.Select(Path.GetFileName).ToHashSet(StringComparer.Ordinal);
        foreach (var stale in Directory.EnumerateFiles(outputFolder, "persona_*").Where(p => IsDatasetFile(p) && !current.Contains(Path.GetFileName(p))).ToList())
            File.Delete(stale);
        return written;
    }

    /// <summary>The rows of <paramref name="examples"/> in <paramref name="format"/>, one per line.</summary>
    public static string ToJsonl(LoraDataFormat format, IEnumerable<TrainingExample> examples) => Jsonl(LoraRowFormats.For(format), examples);

    /// <summary>The card for one persona of a result and its serialized data files.</summary>
    public static DatasetCard Card(LoraDataResult result, PersonaDataset persona, string trainJsonl, string validJsonl)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(persona);
        var o = result.Options;
        var all = persona.Train.Concat(persona.Valid).ToList();
        var byContext = Enum.GetValues<ContextKind>().ToDictionary(k => TrainingNames.Of(k), k => all.Count(e => e.Context == k));
        return new DatasetCard(
            DatasetCard.CurrentFormatVersion, persona.Name, persona.Slug, TrainingNames.Of(o.Format), o.Seed, o.ValidFraction,
            TrainingNames.Of(persona.PromptSource), Sha256(persona.SystemPrompt),
            new DatasetCardCounts(persona.InputCount, persona.Removed.Count, persona.Kept, persona.Train.Count, persona.Valid.Count, persona.InterviewCount, persona.SyntheticCount, byContext),
            [.. persona.Filters.Select(f => new DatasetCardFilter(TrainingNames.Of(f.Filter), f.Rule, f.Removed, f.ExampleIds))],
            new DatasetCardTokens(result.TokenizerName, result.TokensEstimated, persona.TrainTokens, persona.ValidTokens),
            new DatasetCardOptions(o.MinChars, o.MaxChars, o.MinTokens, o.MaxTokens, o.MaxContextChars, o.NearDuplicateThreshold, o.CodeDumpThreshold, o.TemplateMinRepeats, o.GenericOpener),
            [.. persona.Inputs.Select(i => new DatasetCardInput(TrainingNames.Of(i.Kind), i.Name, i.Sha256))],
            new DatasetCardFiles(persona.TrainFileName, Sha256(trainJsonl), persona.ValidFileName, Sha256(validJsonl)),
            Synthetic(result, persona));
    }

    private static DatasetCardSynthetic? Synthetic(LoraDataResult result, PersonaDataset persona)
    {
        if (result.SyntheticPrompts is not { Ran: true } report)
            return null;
        var failed = report.Failures.Where(f => f.Persona == persona.Slug).Select(f => f.MessageId).ToList();
        return new DatasetCardSynthetic(LlmRole.Responder.Value, report.Provider!, report.Model!, report.PromptVersion, 0,
            result.Options.MaxSyntheticPerPersona, persona.SyntheticCount + failed.Count, persona.SyntheticCount, failed);
    }

    internal static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static string Jsonl(ILoraRowFormat format, IEnumerable<TrainingExample> examples)
    {
        var buffer = new MemoryStream();
        foreach (var example in examples)
        {
            using (var writer = new Utf8JsonWriter(buffer, RowOptions))
                format.Write(writer, example);
            buffer.WriteByte((byte)'\n');
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static bool IsDatasetFile(string path)
    {
        var name = Path.GetFileName(path);
        return name.EndsWith("_train.jsonl", StringComparison.Ordinal) || name.EndsWith("_valid.jsonl", StringComparison.Ordinal)
            || name.EndsWith(".card.json", StringComparison.Ordinal) || name.EndsWith(".card.md", StringComparison.Ordinal);
    }
}
