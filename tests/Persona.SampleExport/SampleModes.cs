namespace Persona.SampleExport;

/// <summary>
/// The four ways the sample person writes: terse debugging, careful business planning, playful fiction
/// brainstorming, and curious "why" learning. Each mode has its own openers, follow-ups, vocabulary and
/// assistant replies; <c>{slot}</c> placeholders are filled from the mode's slot lists.
/// </summary>
internal static class SampleModes
{
    public static readonly SampleMode Debugging = new(
        "debugging",
        Openers:
        [
            "getting {error} in {component} line {line}. {symptom}",
            "{component} throws {error} when {trigger}. stack:\n```\n{error}: {message}\n   at {component}.{method}()\n```",
            "why is `{method}` returning {wrong}? expected {right}",
            "tests red after {change}: `{test}` fails with {error}",
            "quick one: {tool} says `{message}`. what does it want",
            "build broken on ci, works locally. {tool} output: `{message}`",
            "{component}.{method} takes {time} on {data}. was {fasttime} yesterday",
            "null in `{field}` but only when {trigger}. repro:\n```csharp\nvar x = {component}.{method}({arg});\n```",
        ],
        FollowUps:
        [
            "still failing. same {error}",
            "ok that fixed it. now `{test}` is red",
            "tried that. no change",
            "`{field}` is set before the call though",
            "{tool} says `{message}` now",
            "nope. {symptom}",
            "what about {change}, could that be it",
            "works. thx",
            "line {line} again. {error}",
            "can you just give me the diff",
            "{component} still slow on {data}. profiler says {method}",
            "added logging. `{field}` is null right before {method}",
            "reverted {change}. {test} passes again. so it's that",
            "ok but why only when {trigger}",
            "same thing in {component} now. {error} at line {line}",
            "{tool} is happy. tests still red: `{test}`",
        ],
        Slots: new()
        {
            ["error"] = ["NullReferenceException", "InvalidOperationException", "KeyNotFoundException", "TimeoutException", "ObjectDisposedException", "IndexOutOfRangeException", "a 500", "DbUpdateException"],
            ["component"] = ["OrderService", "InventorySync", "ReceiptPrinter", "LoyaltyCalculator", "PosController", "StockImporter", "ShiftScheduler"],
            ["method"] = ["Apply", "Flush", "Reconcile", "ParseLine", "GetTotals", "Commit", "LoadAsync"],
            ["line"] = ["42", "117", "88", "203", "61", "15", "350"],
            ["symptom"] = ["only on the second order", "only after midnight", "only with the card reader plugged in", "random, maybe 1 in 20", "every time on prod", "only for gift cards"],
            ["trigger"] = ["the basket is empty", "two tills close at once", "a refund has no receipt", "the sync job runs during checkout", "the price has 3 decimals"],
            ["wrong"] = ["0", "null", "an empty list", "the previous day's total", "-1"],
            ["right"] = ["the basket total", "3 rows", "today's totals", "the discounted price", "true"],
            ["change"] = ["the ef core upgrade", "switching to async", "the timezone fix", "merging main", "renaming the migration", "bumping the sdk"],
            ["test"] = ["OrderServiceTests.Apply_Refund_RestoresStock", "ReceiptTests.Totals_RoundCorrectly", "SyncTests.Conflict_LastWriteWins", "LoyaltyTests.Points_Expire"],
            ["tool"] = ["dotnet build", "the analyzer", "git", "docker compose", "the linter", "ef migrations"],
            ["message"] = ["CS8602: Dereference of a possibly null reference", "error NU1101: Unable to find package", "fatal: refusing to merge unrelated histories", "port 5432 already in use", "The instance of entity type cannot be tracked", "CA2007 consider calling ConfigureAwait"],
            ["time"] = ["4s", "12s", "900ms", "30s"],
            ["fasttime"] = ["200ms", "50ms", "1s"],
            ["data"] = ["3k orders", "a week of receipts", "the full menu", "one till"],
            ["field"] = ["order.Customer", "receipt.Lines", "_cache", "shift.EndsAt", "item.Price"],
            ["arg"] = ["orderId", "null", "today", "basket"],
        },
        Replies:
        [
            "The exception comes from the object being disposed before the async call completes. Await the call inside the using block.",
            "Check whether the entity is attached twice; detach the first instance or use AsNoTracking for the read.",
            "The rounding happens before the discount is applied. Move the rounding to the end of GetTotals.",
            "This looks like a race between the two tills: wrap the stock update in a transaction with a row version check.",
            "The analyzer is right: the value can be null when the refund has no receipt. Guard it or make the field required.",
        ]);

    public static readonly SampleMode Planning = new(
        "business-planning",
        Openers:
        [
            "I'm weighing whether to open a second location in {place}. Rent would be about {rent} a month and the foot traffic counts I did last week averaged {traffic} people an hour at lunch. Before I commit, could you help me think through what would have to be true for it to break even within {months} months?",
            "I'd like to put together a 12-month cash-flow projection for the café. My assumptions so far: average ticket {ticket}, {covers} covers a day, food cost around {foodcost} of revenue, and staff costs of {staff} a month. What am I missing, and which of these assumptions should I test first?",
            "We're considering a {offer} to smooth out the quiet {quiet}. I want to be careful not to cannibalise full-price sales. How would you structure a small, time-boxed trial so that the result actually tells us something?",
            "My accountant suggested {advice}. I understand the tax argument, but I'm worried about {worry}. Could you lay out the trade-offs in a table, with the risks I should plan for in each case?",
            "I've been offered a wholesale contract with {client}: {volume} loaves a week at {price} each, paid at 60 days. It sounds attractive, but I want to understand what it does to our cash position and our capacity before I say yes.",
            "Could you help me draft a one-page plan for {project}? I'd like it to cover the goal, the budget ({budget}), the timeline, the main risks, and how we'll know in three months whether it worked.",
            "I'm trying to decide between {optionA} and {optionB}. Both cost roughly {budget}. I'd like to compare them on payback period, risk, and how much of my own time each would take, because that's the real constraint right now.",
        ],
        FollowUps:
        [
            "That's helpful. Could we run the same numbers with a more pessimistic assumption, say {pessimism}? I'd rather plan for the downside.",
            "Good point about {worry}. How would you quantify that risk, roughly, so I can put a number next to it in the plan?",
            "Let me add a constraint: I can't take on more than {debt} of debt, and I want to keep three months of costs in reserve. Does the plan still work?",
            "Can you turn this into a checklist of decisions I need to make, in the order I need to make them, with a date next to each?",
            "I talked to {person} and they think {opinion}. Does that change your recommendation? Please be candid.",
            "Before we go further, which two numbers in this plan would change the decision most if they were wrong?",
            "Thank you. Let me sleep on it; could you summarise the key assumptions so I can review them with {person} tomorrow?",
            "I'd like to stress-test the plan against {pessimism}. What breaks first, and what would we do about it?",
            "How would {optionA} compare with {optionB} if we also assume {pessimism}? I want to be careful here.",
            "Could you estimate the monthly cash position for the first six months at {covers} covers a day and rent of {rent}?",
            "{person} asked whether we could do this with {budget} instead. What would we have to give up?",
        ],
        Slots: new()
        {
            ["place"] = ["the old station building", "the university quarter", "Oudegracht", "the new business park", "the market square"],
            ["rent"] = ["€3,200", "€4,800", "€2,600", "€5,500"],
            ["traffic"] = ["140", "260", "90", "310"],
            ["months"] = ["12", "18", "24"],
            ["ticket"] = ["€8.40", "€11.20", "€6.90"],
            ["covers"] = ["180", "240", "130"],
            ["foodcost"] = ["28%", "32%", "35%"],
            ["staff"] = ["€14,000", "€19,500", "€11,800"],
            ["offer"] = ["subscription for coffee", "weekday lunch deal", "loyalty card with a free pastry", "catering menu for offices"],
            ["quiet"] = ["Tuesday afternoons", "January and February", "school holidays", "mornings after 10"],
            ["advice"] = ["setting up a BV instead of staying a sole trader", "leasing the new oven instead of buying it", "paying myself a lower salary and a dividend"],
            ["worry"] = ["the extra administration", "personal liability if the second site fails", "locking in a five-year lease", "what happens to cash flow in a bad month"],
            ["client"] = ["a hotel chain", "two office canteens", "the regional supermarket", "a meal-kit startup"],
            ["volume"] = ["400", "650", "1,200"],
            ["price"] = ["€1.80", "€2.10", "€1.55"],
            ["project"] = ["the catering launch", "renovating the terrace", "a second bake shift", "our online pre-order system"],
            ["budget"] = ["€25,000", "€40,000", "€12,000"],
            ["optionA"] = ["a second oven", "a delivery bike", "a POS upgrade"],
            ["optionB"] = ["hiring a part-time baker", "a small marketing campaign", "extending opening hours"],
            ["pessimism"] = ["20% fewer covers", "food costs rising to 38%", "payment at 90 days instead of 60", "a three-month delay in opening"],
            ["debt"] = ["€60,000", "€35,000", "€80,000"],
            ["person"] = ["my business partner", "the bank", "my accountant", "Ines from the bakery guild"],
            ["opinion"] = ["the location matters more than the rent", "we should grow wholesale first", "I'm underestimating staff turnover"],
        },
        Replies:
        [
            "Here is a structured way to look at it. First, fixed costs: rent, staff and financing. Second, the contribution margin per cover. Break-even covers per day = fixed costs / (days × margin per cover).",
            "The assumptions that move the result most are the number of covers and the food cost percentage; I would validate covers first with a two-week pop-up.",
            "A fair trial would run four weeks, on the quiet days only, with a clear success metric decided in advance and a comparison against the same weeks last year.",
            "| Option | Payback | Main risk | Your time |\n|---|---|---|---|\n| A | 14 months | demand | low |\n| B | 9 months | staffing | high |",
            "With 60-day payment terms you would be financing the client for two months; you would need roughly two months of ingredient costs in reserve.",
        ]);

    public static readonly SampleMode Fiction = new(
        "fiction-brainstorming",
        Openers:
        [
            "ooh ok new idea!! what if the {character} is secretly {secret}?? give me like 5 wild ways that could come out 😄",
            "brainstorm time ✨ I need names for a {thing} in my {genre} story. go weird, go {adjective}!!",
            "haha ok so my {character} just {event} and I have NO idea what happens next. throw me some plot twists, the sillier the better",
            "what if the whole story is told by {narrator}?? is that genius or terrible, be honest lol",
            "I want a scene where {character} and {character2} argue about {topic} but it's secretly about {subtext}. riff with me!",
            "give me three opening lines for a {genre} story set in {setting} — one spooky, one funny, one that makes no sense at all 🙃",
            "ok ok ok: {setting}, {character}, and a {object} that {power}. what's the story?? go go go",
        ],
        FollowUps:
        [
            "YES the {adjective} one!! more like that 🤩",
            "lol no that's too dark, make it cozier",
            "wait what if {character2} was there the whole time",
            "ooh and then the {object} {power} haha",
            "ok I love #2 but can the twist land later, like chapter 3?",
            "hmm what would {narrator} say about this 😂",
            "too normal!! weirder please",
            "omg yes. write me the first paragraph in that voice?",
            "what if the {object} belonged to {character2} all along?? 👀",
            "hmm and the {thing} could be in {setting}!! too much?",
            "ok but make {character} a bit {adjective}er lol",
            "new twist: {character} {event}. does that wreck everything or make it better 😆",
        ],
        Slots: new()
        {
            ["character"] = ["lighthouse keeper", "retired detective", "bakery cat", "night-shift nurse", "tiny grumpy wizard", "ghost who runs a café"],
            ["character2"] = ["the mayor", "a talking seagull", "her estranged sister", "the postman", "a very polite robot"],
            ["secret"] = ["a retired dragon", "three raccoons in a coat", "the author of the town's anonymous newsletter", "from the year 2300", "allergic to magic"],
            ["thing"] = ["tavern", "spaceship", "secret society", "enchanted bakery", "haunted tram line"],
            ["genre"] = ["cozy fantasy", "space opera", "small-town mystery", "fairy tale", "ghost story"],
            ["adjective"] = ["whimsical", "unhinged", "spooky", "ridiculous", "sparkly"],
            ["event"] = ["ate the prophecy", "fell into the canal", "inherited a cursed teapot", "swapped bodies with a goose", "won the baking contest by accident"],
            ["narrator"] = ["the house itself", "a sourdough starter", "the villain's cat", "an unreliable seagull"],
            ["topic"] = ["whose turn it is to do the dishes", "the best kind of bread", "a missing umbrella"],
            ["subtext"] = ["a betrayal ten years ago", "who gets to inherit the lighthouse", "being afraid of the dark"],
            ["setting"] = ["a floating market", "a town where it always rains on Tuesdays", "a moon bakery", "a library that rearranges itself"],
            ["object"] = ["teapot", "umbrella", "rolling pin", "pocket watch", "jar of jam"],
            ["power"] = ["tells lies", "sings at midnight", "grants one very small wish", "remembers everyone who touched it"],
        },
        Replies:
        [
            "1. The dragon only shows itself when someone burns the toast. 2. Its scales turn up in the lost-and-found. 3. The lighthouse beam is actually its breath...",
            "Names: The Crumb & Comet, The Ninth Spoon, Ministry of Misplaced Things, The Grumbling Kettle, Lanternwick.",
            "Twist idea: the narrator has been dead since chapter one and nobody noticed, including the narrator.",
            "Opening line: \"On Tuesdays the rain came early, and so did the ghosts.\"",
        ]);

    public static readonly SampleMode Learning = new(
        "learning-why",
        Openers:
        [
            "Why does {phenomenon}? I'd like to understand the actual mechanism, not just the rule of thumb.",
            "How come {phenomenon}? I've always just accepted it, but I realised I can't explain why.",
            "What's the difference between {conceptA} and {conceptB}, and why does the difference matter in practice?",
            "Can you explain {concept} as if I were a curious adult with no background? Then tell me what the common misconception about it is.",
            "I read that {claim}. Is that actually true? What's the evidence, and why do people believe it?",
            "Why is it that {phenomenon}? Is there a simple model that explains it, and where does that model break down?",
        ],
        FollowUps:
        [
            "Interesting — but then why doesn't {phenomenon2}? Wouldn't the same reasoning apply?",
            "So if I understand correctly, {paraphrase}? Or am I missing a step?",
            "Why does that happen at the molecular level, though?",
            "What would change if {condition}? I'm trying to see whether I really get it.",
            "Is there an experiment I could do at home to see this for myself?",
            "Who figured this out first, and how did they know?",
            "Why is {concept} usually explained that way, if it's not quite right?",
            "Does the same thing explain why {phenomenon2}? I'd like to connect the two.",
            "How confident are scientists about this? Is {claim} part of the same story?",
            "What's a good way to remember the difference between {conceptA} and {conceptB}?",
        ],
        Slots: new()
        {
            ["phenomenon"] = ["sourdough rise more slowly in winter", "bread go stale faster in the fridge", "salt slow down yeast", "caramel change flavour as it darkens", "steam make a crust crispy", "coffee taste sour when it's under-extracted"],
            ["phenomenon2"] = ["sugar have the same effect", "freezing make it go stale", "dough rise faster at altitude", "cold brew taste sour"],
            ["conceptA"] = ["baking soda", "gluten development", "compound interest", "latency", "an index fund"],
            ["conceptB"] = ["baking powder", "autolyse", "simple interest", "throughput", "a managed fund"],
            ["concept"] = ["the Maillard reaction", "how a mortgage amortises", "how vaccines train the immune system", "entropy", "how a hash table works"],
            ["claim"] = ["you should never wash a cast-iron pan", "we only use 10% of our brains", "adding salt makes water boil faster", "cold water boils faster than hot"],
            ["paraphrase"] = ["the yeast just works slower because the enzymes are slower in the cold", "starch recrystallises faster near freezing", "the crust browns because the surface dries first"],
            ["condition"] = ["I used twice as much starter", "the kitchen were at 30 degrees", "I added the salt an hour later", "we were at 2,000 metres altitude"],
        },
        Replies:
        [
            "Short version: enzyme and yeast activity roughly halves for every 10 °C drop, so fermentation slows. The longer version involves how temperature affects the balance between yeast and lactic acid bacteria.",
            "Staling is mostly starch retrogradation: the starch molecules recrystallise, and that happens fastest at fridge temperatures, slower when frozen.",
            "The difference is the acid: baking soda needs an acid in the recipe, baking powder carries its own.",
            "The common misconception is that it's about moisture loss; in fact a stale loaf can have the same water content as a fresh one.",
        ]);

    public static IReadOnlyList<SampleMode> All { get; } = [Debugging, Planning, Fiction, Learning];
}
