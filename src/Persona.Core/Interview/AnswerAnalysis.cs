using Persona.Core.Llm;

namespace Persona.Core.Interview;

/// <summary>
/// The interviewer's own reading of one answer, kept as a separate artifact beside the transcript:
/// how rich it was, the phrases worth reflecting, whether it touched a sensitive topic, and how much
/// it advanced its category's coverage.
/// </summary>
/// <param name="AnswerId">The answer analysed.</param>
/// <param name="QuestionId">The question it answered.</param>
/// <param name="Category">The category credited.</param>
/// <param name="Richness">Skipped, short, vague, adequate or rich.</param>
/// <param name="WordCount">Words in the answer.</param>
/// <param name="KeyPhrases">The person's own phrases, most telling first.</param>
/// <param name="SensitiveTopics">Sensitive topics the answer touched (e.g. health); never pressed on.</param>
/// <param name="CoverageGain">How much the category's coverage rose (0..1).</param>
/// <param name="Reflection">A one-sentence reflection of what the person said, in their words.</param>
/// <param name="Source">Which path wrote it.</param>
public sealed record AnswerAnalysis(
    string AnswerId,
    string QuestionId,
    string Category,
    AnswerRichness Richness,
    int WordCount,
    IReadOnlyList<string> KeyPhrases,
    IReadOnlyList<string> SensitiveTopics,
    double CoverageGain,
    string Reflection,
    LlmProvenance Source);
