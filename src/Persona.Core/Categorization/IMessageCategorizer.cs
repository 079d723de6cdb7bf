using Persona.Core.Import;

namespace Persona.Core.Categorization;

/// <summary>
/// Characterises messages. <see cref="LexiconCategorizer"/> is the offline, deterministic default;
/// an LLM-backed categorizer implements the same contract (structured output validated against
/// the same vocabularies) and falls back to the lexicon per message when a reply is unusable.
/// </summary>
public interface IMessageCategorizer
{
    /// <summary>Which strategy ran, for status and outputs ("lexicon", "llm:&lt;model&gt;").</summary>
    string Strategy { get; }

    Task<IReadOnlyList<MessageCategories>> CategorizeAsync(IReadOnlyList<PersonMessage> messages, IProgress<int>? progress = null, CancellationToken cancellationToken = default);
}
