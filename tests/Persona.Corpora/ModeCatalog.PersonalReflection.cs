namespace Persona.Corpora;

public static partial class ModeCatalog
{
    /// <summary>Personal reflection: first person, feelings, habits, relationships, hesitant.</summary>
    public static CorpusMode PersonalReflection => new(
        Name: "reflection",
        Openers: ["I've been feeling {feeling} lately.", "Honestly,", "Can I think out loud for a bit?", "Something has been on my mind.", ""],
        Sentences:
        [
            "I feel like I keep {habit} even though I know it doesn't help me.",
            "My {person} said I seem {feeling}, and I think they might be right.",
            "I'm not sure whether I should {decision}, because part of me wants {value}.",
            "Maybe it's because I never really learned to {skill}.",
            "I want to be more {trait}, but I get {feeling} when I try.",
            "Do you think it's normal to feel {feeling} about {life}?",
            "Sometimes I wonder if I'm {trait} enough for {life}.",
            "Last week I finally {achievement}, and I felt {feeling} instead of proud.",
            "I guess what I really value is {value}.",
            "How do I stop {habit}?",
            "I think I'm afraid of {fear}, honestly.",
            "It's been hard since my {person} and I {event}.",
            "I journaled about it and realised I care a lot about {value}.",
        ],
        Closers: ["", "Sorry, that was a lot.", "I don't know, just thinking.", "Thanks for listening.", "Does that make sense?"],
        Slots: Slots(
            ("feeling", ["overwhelmed", "anxious", "restless", "lonely", "stuck", "tired", "guilty", "a bit lost"]),
            ("habit", ["procrastinating", "comparing myself to others", "saying yes to everything", "staying up too late", "overthinking conversations", "avoiding hard talks"]),
            ("person", ["sister", "partner", "best friend", "mother", "therapist", "old roommate"]),
            ("decision", ["change careers", "move back home", "end the friendship", "take a break from work", "go back to studying"]),
            ("value", ["honesty", "stability", "freedom", "being close to family", "meaningful work", "calm"]),
            ("skill", ["rest without guilt", "ask for help", "set boundaries", "be kind to myself"]),
            ("trait", ["patient", "confident", "disciplined", "open", "present"]),
            ("life", ["turning thirty", "my relationship", "my job", "becoming a parent", "where my life is going"]),
            ("achievement", ["finished the marathon", "got the promotion", "told her how I felt", "moved into my own place"]),
            ("fear", ["being a disappointment", "failing in public", "being alone", "wasting my time"]),
            ("event", ["stopped talking", "had that fight", "drifted apart", "moved to different cities"])),
        Titles: ["Feeling stuck", "Thinking about my career", "Journaling", "Family stuff", "Self-doubt"],
        AssistantReplies:
        [
            "That sounds really heavy, and it makes sense you'd feel that way. What do you think is underneath it?",
            "It's very human to feel this. Would it help to look at what you can control right now?",
            "Thank you for sharing that. It sounds like honesty matters a lot to you.",
        ],
        MinSentences: 2,
        MaxSentences: 5,
        LowercaseRate: 0.1,
        TypoRate: 0.02);
}
