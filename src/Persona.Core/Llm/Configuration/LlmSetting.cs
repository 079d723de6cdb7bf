namespace Persona.Core.Llm.Configuration;

/// <summary>One configured value and where it came from (<c>config/llm.yaml:12</c> or an environment variable).</summary>
internal readonly record struct LlmSetting(string Value, string Origin);
