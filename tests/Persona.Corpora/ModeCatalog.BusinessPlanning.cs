namespace Persona.Corpora;

public static partial class ModeCatalog
{
    /// <summary>Careful business planning: formal, long, structured, weighs options and risks.</summary>
    public static CorpusMode BusinessPlanning => new(
        Name: "business-planning",
        Openers: ["I would like to think through our {topic}.", "Could you help me structure the {topic}?", "Let me lay out the situation first.", "We are preparing the {topic} for {audience}."],
        Sentences:
        [
            "Our {metric} has grown by {pct} over the last {period}, but the {cost} is rising faster.",
            "Should I prioritise {option} or {option2} given a budget of {money}?",
            "Therefore, the key question is whether {option} pays back within {period}.",
            "Alternatively, we could postpone {option2} until the {metric} stabilises.",
            "The main risk is that {audience} will not accept the new {pricing}.",
            "Because our {cost} is mostly fixed, a {pct} increase in {metric} would improve the margin considerably.",
            "What would a realistic {period} roadmap look like for {option}?",
            "I need a clear recommendation for {audience}, with the assumptions stated explicitly.",
            "On the other hand, {competitor} already offers {option2} at a lower price.",
            "Please outline the trade-offs between {option} and {option2} in terms of {cost} and {metric}.",
            "However, the board expects the {metric} to reach {money} by the end of the {period}.",
            "Should we hire a {role} now, or wait until the {pricing} is validated?",
            "Consequently, our cash runway shrinks to roughly {period} if we proceed with {option}.",
            "What are the standard metrics to track when launching {option}?",
            "Given these constraints, how should we sequence {option} and the {pricing} change?",
        ],
        Closers: ["", "Thank you in advance.", "I would appreciate a structured answer.", "Please be specific about the assumptions.", "Happy to share more figures if needed."],
        Slots: Slots(
            ("topic", ["quarterly plan", "pricing strategy", "go-to-market plan", "budget for next year", "hiring plan", "expansion into Germany", "investor update"]),
            ("audience", ["the board", "our investors", "enterprise customers", "the leadership team", "existing subscribers", "our partners"]),
            ("metric", ["monthly recurring revenue", "customer retention", "gross margin", "conversion rate", "average contract value", "net promoter score"]),
            ("metric2", ["churn", "pipeline"]),
            ("pct", ["12%", "8%", "25%", "3%", "40%", "15%"]),
            ("period", ["six months", "two quarters", "year", "eighteen months", "fiscal year", "three quarters"]),
            ("cost", ["customer acquisition cost", "operating cost", "payroll", "infrastructure spend", "marketing budget", "support cost"]),
            ("option", ["a freemium tier", "an enterprise plan", "a partner channel", "a second sales hire", "a European launch", "annual billing"]),
            ("option2", ["a price increase", "a referral programme", "outsourcing support", "a product-led growth motion", "a consulting offering", "usage-based pricing"]),
            ("money", ["€50k", "$200,000", "€1.2 million", "$75k", "€300k", "$2 million"]),
            ("pricing", ["pricing model", "subscription tiers", "discount policy", "contract terms", "value proposition"]),
            ("competitor", ["our main competitor", "a larger incumbent", "a new startup in the space", "the market leader"]),
            ("role", ["sales director", "customer success manager", "financial controller", "product marketer"])),
        Titles: ["Pricing strategy Q3", "Hiring plan", "Board update draft", "Go-to-market for enterprise", "Budget planning", "Market expansion"],
        AssistantReplies:
        [
            "Here is a structured comparison of the two options, with the assumptions listed first and a recommendation at the end.",
            "A phased plan would reduce risk: validate demand with a pilot, then commit budget once the metrics confirm the trend.",
            "The payback period depends mostly on acquisition cost; below is a simple model you can adjust.",
        ],
        MinSentences: 3,
        MaxSentences: 6,
        LowercaseRate: 0.0,
        TypoRate: 0.0);
}
