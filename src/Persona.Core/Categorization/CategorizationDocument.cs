namespace Persona.Core.Categorization;

/// <summary>The shape of <c>config/categorization.yaml</c> as YAML maps it; validated by <see cref="CategorizationLexicon"/>.</summary>
internal sealed class CategorizationDocument
{
    public string? DefaultTopic { get; set; }

    public Dictionary<string, TopicRule>? Topics { get; set; }

    public string? DefaultTone { get; set; }

    public Dictionary<string, ToneRule>? Tones { get; set; }

    public Dictionary<string, List<string>>? ReasoningMarkers { get; set; }

    public List<string>? QuestionFillers { get; set; }

    public Dictionary<string, QuestionRule>? QuestionTypes { get; set; }

    public LengthRule? Length { get; set; }

    internal sealed class TopicRule
    {
        public double Weight { get; set; } = 1.0;

        public List<string>? Phrases { get; set; }
    }

    internal sealed class ToneRule
    {
        public List<string>? Phrases { get; set; }

        public Dictionary<string, double>? Signals { get; set; }
    }

    internal sealed class QuestionRule
    {
        public List<string>? Phrases { get; set; }

        public bool NeedsQuestionMark { get; set; }
    }

    internal sealed class LengthRule
    {
        public int ShortMaxWords { get; set; } = 15;

        public int LongMinWords { get; set; } = 60;
    }
}
