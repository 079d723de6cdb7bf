namespace Persona.Core.Llm;

/// <summary>One role as <c>persona status</c> shows it.</summary>
/// <param name="Role">The role.</param>
/// <param name="Provider">Configured provider.</param>
/// <param name="Model">Configured model, null offline.</param>
/// <param name="Endpoint">Effective server address, null offline.</param>
/// <param name="Reachable">Whether the model answered the probe; null when offline or not probed.</param>
/// <param name="Detail">Why it is or is not usable.</param>
public sealed record LlmRoleStatus(LlmRole Role, LlmProviderKind Provider, string? Model, Uri? Endpoint, bool? Reachable, string Detail)
{
    /// <summary>Which strategy the role's steps will run: the model, or the offline one.</summary>
    public string Strategy => Provider == LlmProviderKind.Offline || Reachable == false ? "offline" : "model";
}
