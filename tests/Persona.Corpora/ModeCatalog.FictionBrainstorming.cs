namespace Persona.Corpora;

public static partial class ModeCatalog
{
    /// <summary>Playful fiction brainstorming: what-ifs, exclamations, characters and worlds.</summary>
    public static CorpusMode FictionBrainstorming => new(
        Name: "fiction",
        Openers: ["Ooh okay, new idea!", "What if", "Story time!", "Okay hear me out:", "Fun one for you —", ""],
        Sentences:
        [
            "what if the {character} secretly {secret}?",
            "I love the idea of a {place} where {magic} — it feels so {mood}!",
            "Can you give me five names for a {character} who {secret}?",
            "The villain should be a {character}, but sympathetic, like {mood} and lonely.",
            "Maybe the twist is that the {object} was {secret} all along!!",
            "Let's brainstorm a scene in the {place} at midnight, with {weather}.",
            "What if {magic}, but only when the {character} is {emotion}?",
            "I want the dialogue to feel {mood}, almost like a fairy tale.",
            "Chapter three needs a {object} that the {character} steals from the {place}.",
            "Ha, imagine the {character} arguing with a talking {animal} about {object}s.",
            "Give me a prologue hook about {weather} over the {place}.",
            "The heroine could be {emotion} and stubborn, raised in the {place}.",
            "Ooh, and the {animal} narrates the whole thing!",
            "Write three possible endings where the {object} breaks.",
        ],
        Closers: ["", "Go wild!", "Make it weird :)", "Surprise me!", "haha", "✨"],
        Slots: Slots(
            ("character", ["lighthouse keeper", "retired dragon", "clockmaker's apprentice", "ghost librarian", "space pirate", "disgraced knight", "witch who hates magic", "robot gardener"]),
            ("secret", ["is the lost princess", "can hear the sea's thoughts", "was never human", "wrote the prophecy", "stole the moon", "is time-travelling backwards"]),
            ("place", ["floating city", "haunted bakery", "underwater kingdom", "desert monastery", "forest of glass", "train that never stops", "island of clocks"]),
            ("magic", ["shadows can be traded", "memories are currency", "songs become storms", "every lie grows a flower", "the stars whisper names"]),
            ("mood", ["whimsical", "eerie", "bittersweet", "dreamy", "gothic", "cozy"]),
            ("object", ["silver key", "cursed teacup", "map of dreams", "broken compass", "crown of feathers", "music box"]),
            ("weather", ["a violet thunderstorm", "snow that falls upward", "a blood-red fog", "endless golden rain"]),
            ("emotion", ["heartbroken", "furious", "terrified", "giddy", "homesick"]),
            ("animal", ["cat", "raven", "fox", "octopus", "moth"])),
        Titles: ["Fantasy story ideas", "Villain backstory", "Worldbuilding: floating city", "Plot twist brainstorm", "Character names"],
        AssistantReplies:
        [
            "Ooh, fun! Here are a few directions: a melancholic version, a comic one and one with a darker twist.",
            "Here are five names with a short note on the feel of each.",
            "What a lovely premise. The scene could open with the sound of the storm before we see the city.",
        ],
        MinSentences: 2,
        MaxSentences: 4,
        LowercaseRate: 0.15,
        TypoRate: 0.01);
}
