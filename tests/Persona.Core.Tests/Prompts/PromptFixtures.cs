using Persona.Core.Import;
using Persona.Core.Prompts;

namespace Persona.Core.Tests.Prompts;

/// <summary>A fixed, hand-written input: three clearly different modes of one person.</summary>
internal static class PromptFixtures
{
    private static readonly (string Context, string Text)[] Debugger =
    [
        ("Here is the function you asked for.", "fix this: `TypeError: undefined is not a function` when I call parseConfig()"),
        ("The build should work now.", "still failing. stack trace:\n```\nat Program.Main() line 12\n```"),
        ("", "why does `await` hang here? the task never completes"),
        ("Try adding ConfigureAwait(false).", "ok that worked. next error: NullReferenceException in the parser"),
        ("You could use a dictionary.", "show me the fix, not the theory. the test `ParsesEmptyFile` fails"),
        ("That is a race condition.", "add a lock then. `lock (_gate) { count++; }` like this?"),
        ("", "write a regex that matches `key=value;` pairs, no lookbehind"),
        ("The stack overflow comes from recursion.", "rewrite it as a loop. keep the same signature"),
        ("I changed the query.", "the query returns 0 rows. SELECT * FROM users WHERE id = @id;"),
        ("The error means the port is busy.", "kill what is on 5000 then. linux, one command"),
        ("", "segfault in release build only, debug is fine. where do I start"),
        ("Here is the updated test.", "test passes now. commit message for this fix?"),
    ];

    private static readonly (string Context, string Text)[] Philosopher =
    [
        ("Some argue free will is an illusion.", "I wonder whether that even matters. If every choice is caused, is the feeling of choosing still meaningful to the one who chooses?"),
        ("", "Maybe the question is badly posed. What would it mean for a life to be meaningful if nobody ever noticed it?"),
        ("Stoics focus on what we control.", "I think that is wise, but perhaps it is also a way of avoiding grief. Is acceptance the same as giving up?"),
        ("Consciousness is hard to define.", "Probably because we are inside it. How could a mind describe the thing it is made of without going in circles?"),
        ("", "What if honesty and kindness genuinely conflict? I am not sure one always wins, and I would like to think it through with you."),
        ("Many traditions value humility.", "Perhaps humility is just accuracy about oneself. Would a perfectly honest person then be humble by definition?"),
        ("", "Why do we remember the painful moments more vividly than the happy ones? Maybe memory is tuned for lessons rather than for joy."),
        ("Time feels faster as we age.", "I guess each year is a smaller share of the whole life. Does that mean meaning also thins out, or does it deepen?"),
        ("Some say identity is a story.", "If identity is a story, who is the narrator? I think the question keeps folding back on itself, which fascinates me."),
        ("", "Is it possible to love someone and still not understand them at all? Perhaps understanding is overrated in love."),
        ("Ethics can be rule-based or outcome-based.", "Maybe neither captures what we actually do. Don't we mostly act first and justify afterwards?"),
        ("", "What would a good death look like, if such a thing exists? I am not sure the question frightens me as much as it should."),
    ];

    private static readonly (string Context, string Text)[] Planner =
    [
        ("", "Please help me plan next week:\n- Monday: dentist at 9\n- Tuesday: report due\n- Friday: dinner with Sam\nThanks!"),
        ("Here is a draft schedule.", "Thanks! Can we move the gym sessions to mornings?\n1. Mon 7am\n2. Wed 7am\n3. Sat 9am"),
        ("", "Please make a packing list for a 3-day trip to Lisbon in May. Thank you!"),
        ("I suggest blocking focus time.", "Great idea, thanks! Please block 2 hours every morning for deep work and list the meetings that move."),
        ("", "Please create a budget for the month:\n- rent 1200\n- groceries 400\n- transport 90"),
        ("Here is your grocery list.", "Thanks so much! Please group it by aisle so the shopping goes faster."),
        ("", "Help me organise the kitchen renovation into steps with a rough timeline, please."),
        ("The deadline is in three weeks.", "Thanks! Please split it into weekly milestones:\n1. research\n2. draft\n3. review"),
        ("", "Please remind me what is left on the moving checklist, and order it by deadline. Thanks!"),
        ("You have four errands.", "Perfect, thank you! Please plan a route so I do them all before noon on Saturday."),
        ("", "Please draft a weekly meal plan, vegetarian, quick dinners on weekdays. Thanks!"),
        ("I added the appointments.", "Thanks! Please check that nothing overlaps on Thursday and flag any conflicts."),
    ];

    public static IReadOnlyList<PersonaMessageSet> Distinct() =>
    [
        Source("Debugger", "cluster-0", "dbg", Debugger),
        Source("Philosopher", "cluster-1", "phi", Philosopher),
        Source("Planner", "cluster-2", "pln", Planner),
    ];

    /// <summary>Two personas with the very same texts (different ids): the check must flag them.</summary>
    public static IReadOnlyList<PersonaMessageSet> Identical() =>
    [
        Source("Planner A", "cluster-0", "a", Planner),
        Source("Planner B", "cluster-1", "b", Planner),
    ];

    private static PersonaMessageSet Source(string name, string cluster, string prefix, (string Context, string Text)[] messages) =>
        new(name, cluster, messages.Select((message, index) => new PersonMessage(
            $"{prefix}-{index:00}",
            $"{prefix}-conv-{index / 2}",
            null,
            ExportFormat.ChatGpt,
            index % 2,
            null,
            message.Context.Length == 0 ? null : message.Context,
            message.Text,
            message.Text.Length,
            message.Text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length,
            true)).ToList());
}
