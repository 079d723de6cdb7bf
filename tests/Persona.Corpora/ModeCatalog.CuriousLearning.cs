namespace Persona.Corpora;

public static partial class ModeCatalog
{
    /// <summary>Curious learning: why/how questions about science and history, asks for intuition.</summary>
    public static CorpusMode CuriousLearning => new(
        Name: "learning",
        Openers: ["I've always wondered:", "Random question.", "Can you explain something?", "I'm trying to understand", ""],
        Sentences:
        [
            "why does {phenomenon} happen?",
            "how does {system} actually work under the hood?",
            "Why is {fact} true, intuitively?",
            "How did people in {era} figure out {discovery}?",
            "what is the difference between {concept} and {concept2}?",
            "Can you explain {concept} like I'm {age}?",
            "How do we know that {fact}?",
            "I read that {fact} — is that really right, and why?",
            "What would happen if {hypo}?",
            "How is {concept} related to {phenomenon}?",
            "Why did {era} end up {historical}?",
            "Is there a simple analogy for {concept}?",
            "Who first explained {discovery}, and how?",
            "How come {phenomenon} doesn't happen on {planet}?",
        ],
        Closers: ["", "Curious!", "I never really got it in school.", "An intuitive explanation would be great.", "Thanks, fascinating stuff."],
        Slots: Slots(
            ("phenomenon", ["the sky turning red at sunset", "ice floating on water", "static electricity", "the tides", "jet lag", "a rainbow", "hiccups", "the northern lights"]),
            ("system", ["the immune system", "a transistor", "GPS", "photosynthesis", "the stock exchange", "memory in the brain", "a refrigerator", "vaccination"]),
            ("fact", ["light has no mass", "bananas are radioactive", "time slows near a black hole", "glass is not a liquid", "octopuses have three hearts", "the universe is expanding"]),
            ("era", ["the Middle Ages", "ancient Greece", "the Renaissance", "the Roman Empire", "the Bronze Age", "the 1800s"]),
            ("discovery", ["the size of the Earth", "that germs cause disease", "the speed of light", "how old rocks are", "the orbit of Mars"]),
            ("concept", ["entropy", "quantum entanglement", "inflation", "natural selection", "a derivative", "relativity", "evolution of language"]),
            ("concept2", ["temperature", "superposition", "interest rates", "mutation", "an integral", "gravity"]),
            ("age", ["five", "ten", "a curious teenager"]),
            ("hypo", ["the moon disappeared", "the Earth stopped spinning", "we drilled through the planet", "there was no friction", "bees went extinct"]),
            ("historical", ["collapsing so quickly", "so focused on astronomy", "adopting the printing press"]),
            ("planet", ["Mars", "the Moon", "Venus", "Jupiter"])),
        Titles: ["Why is the sky blue", "How GPS works", "Entropy explained", "History question", "Physics curiosity"],
        AssistantReplies:
        [
            "Great question! The short answer is that it comes down to how light scatters; here is the intuition step by step.",
            "Think of it like a ball rolling downhill: the system moves towards the state with more possible arrangements.",
            "Historically, the answer came from careful measurement; here is how they did it.",
        ],
        MinSentences: 1,
        MaxSentences: 3,
        LowercaseRate: 0.3,
        TypoRate: 0.01);
}
