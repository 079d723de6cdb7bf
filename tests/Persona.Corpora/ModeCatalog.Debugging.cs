namespace Persona.Corpora;

public static partial class ModeCatalog
{
    /// <summary>Terse debugging of code: stack traces, short imperative asks, lower case, code tokens.</summary>
    public static CorpusMode Debugging => new(
        Name: "debugging",
        Openers: ["", "", "", "hmm.", "ok so", "still broken.", "quick one:", "ugh."],
        Sentences:
        [
            "getting {error} in {func} when i call it from {place}",
            "{func} throws {error} on line {line}",
            "why does {func} return null here",
            "the {thing} is {state} after the {op} finishes",
            "tried {fix}, same {error}",
            "stack trace points at {func} in {file}",
            "works locally but fails in {place}",
            "{thing} gets {state} only on the second {op}",
            "fix this: `{code}`",
            "is it the {thing} or the {op}?",
            "log says {error} then nothing",
            "compiler complains about {thing} in {file}",
            "how do i debug {thing} without {fix}",
            "{file} line {line} — {error} again",
            "removed {fix} and now the {thing} is {state}",
            "segfault? no, {error}. in {func}",
            "test {func}_test fails with {error}",
        ],
        Closers: ["", "", "", "any idea?", "fix?", "pls", "what am i missing", "thx"],
        Slots: Slots(
            ("error", ["NullReferenceException", "KeyError", "TypeError: undefined is not a function", "IndexOutOfRangeException", "a timeout", "ECONNREFUSED", "a deadlock", "error CS0246", "panic: nil map", "400 bad request", "OutOfMemoryError", "ModuleNotFoundError"]),
            ("func", ["parse_config()", "LoadAsync", "handleSubmit", "get_user_by_id", "SaveChanges", "useEffect", "serialize()", "FetchOrders", "resolve_path", "init_db", "compute_hash", "OnStartup"]),
            ("place", ["the docker container", "ci", "the worker thread", "prod", "the unit test", "the cron job", "the lambda", "staging"]),
            ("thing", ["cache", "connection pool", "mutex", "dict", "list", "state object", "env var", "regex", "iterator", "json payload", "socket", "buffer"]),
            ("state", ["empty", "stale", "null", "locked", "duplicated", "corrupted", "reset", "off by one"]),
            ("op", ["request", "migration", "loop", "rebuild", "deploy", "retry", "await", "commit"]),
            ("fix", ["clearing the cache", "a lock", "ConfigureAwait(false)", "restarting the container", "pinning the version", "a null check", "rm -rf node_modules", "try/except around it"]),
            ("file", ["app.py", "Program.cs", "index.ts", "db.go", "config.yaml", "utils.js", "Startup.cs", "main.rs"]),
            ("line", ["42", "118", "7", "233", "91", "305", "16"]),
            ("code", ["for i in range(len(xs)): xs.pop(i)", "await Task.WhenAll(tasks).Result", "if (x = null) return;", "let x = arr.map(f).filter()", "SELECT * FROM orders WHERE id = NULL", "dict[key] += 1"])),
        Titles: ["Debugging null error", "Fix crash in worker", "CI failure", "Async bug", "Regex not matching", "Docker build error", "Test failing"],
        AssistantReplies:
        [
            "The error usually means the object is not initialised before use. Check the call order and add a guard.",
            "This looks like a race between the two tasks. Try awaiting the first before starting the second.",
            "Your loop mutates the collection while iterating. Iterate over a copy instead.",
            "The container has a different environment variable set. Print the value at startup to confirm.",
        ],
        MinSentences: 1,
        MaxSentences: 3,
        LowercaseRate: 0.85,
        TypoRate: 0.06);
}
