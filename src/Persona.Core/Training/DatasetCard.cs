using System.Text.Json.Serialization;

namespace Persona.Core.Training;

/// <summary>The content of <c>persona_&lt;slug&gt;.card.json</c>: what the dataset holds and how it was made. No timestamps, so a re-run is byte-identical.</summary>
public sealed record DatasetCard(
    int FormatVersion,
    string Persona,
    string Slug,
    string Format,
    int Seed,
    double ValidFraction,
    string SystemPromptSource,
    string SystemPromptSha256,
    DatasetCardCounts Counts,
    IReadOnlyList<DatasetCardFilter> Filters,
    DatasetCardTokens Tokens,
    DatasetCardOptions Options,
    IReadOnlyList<DatasetCardInput> Inputs,
    DatasetCardFiles Files,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DatasetCardSynthetic? SyntheticPrompts = null)
{
    public const int CurrentFormatVersion = 1;
}

/// <summary>How many items went in and where they ended up.</summary>
public sealed record DatasetCardCounts(int Input, int Removed, int Kept, int Train, int Valid, int Interview, int Synthetic, IReadOnlyDictionary<string, int> ByContext);

/// <summary>One filter: its rule, how many it removed, and up to ten removed ids.</summary>
public sealed record DatasetCardFilter(string Filter, string Rule, int Removed, IReadOnlyList<string> Examples);

/// <summary>Token statistics and what counted them.</summary>
public sealed record DatasetCardTokens(string Tokenizer, bool Estimated, TokenStatistics Train, TokenStatistics Valid);

/// <summary>The option values the dataset depended on.</summary>
public sealed record DatasetCardOptions(int MinChars, int MaxChars, int MinTokens, int MaxTokens, int MaxContextChars, double NearDuplicateThreshold, double CodeDumpThreshold, int TemplateMinRepeats, string GenericOpener);

/// <summary>
/// The synthetic-prompt pass, present only when it ran: the model that wrote the user turns of openers, the
/// prompt version, how many openers were chosen and got one, and the ids it failed for (they keep the generic opener).
/// </summary>
public sealed record DatasetCardSynthetic(string Role, string Provider, string Model, string PromptVersion, double Temperature, int MaxPerPersona, int Selected, int Written, IReadOnlyList<string> Failed);

/// <summary>An input file and its SHA-256.</summary>
public sealed record DatasetCardInput(string Kind, string Name, string Sha256);

/// <summary>The files written for this persona and the SHA-256 of the two data files.</summary>
public sealed record DatasetCardFiles(string Train, string TrainSha256, string Valid, string ValidSha256);
