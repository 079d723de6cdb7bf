namespace Persona.Core.Llm;

/// <summary>The outcome of asking a server whether a role's model can answer.</summary>
/// <param name="Reachable">The server answered and lists the model.</param>
/// <param name="Detail">What was found: the error, or "model present (N models)".</param>
/// <param name="Models">Models the server lists; empty when it did not answer.</param>
public sealed record LlmReachability(bool Reachable, string Detail, IReadOnlyList<string> Models)
{
    public static LlmReachability Unreachable(string detail) => new(false, detail, []);
}
