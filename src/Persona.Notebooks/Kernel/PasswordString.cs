#pragma warning disable IDE0130 // The namespace is the one .NET Interactive notebooks import; the shim must match it.
namespace Microsoft.DotNet.Interactive;

/// <summary>A secret answer: prints as stars, <see cref="GetClearTextPassword"/> gives the value.</summary>
public sealed class PasswordString(string password)
{
    public string GetClearTextPassword() => password;

    public override string ToString() => "************";
}
