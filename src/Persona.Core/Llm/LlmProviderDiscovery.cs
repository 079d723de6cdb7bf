using System.Reflection;

namespace Persona.Core.Llm;

/// <summary>
/// Finds the OpenAI-compatible provider when <c>Persona.Llm.OpenAI.dll</c> sits beside this assembly.
/// The core library must not reference the OpenAI SDK (split by dependency weight), yet a notebook
/// that references only <c>Persona.Core.dll</c> should still reach an OpenAI-compatible server;
/// loading the adapter by name when present gives both.
/// </summary>
internal static class LlmProviderDiscovery
{
    public const string OpenAIAssemblyName = "Persona.Llm.OpenAI";

    public const string OpenAIProviderTypeName = "Persona.Llm.OpenAI.OpenAICompatibleProvider";

    public static IChatClientProvider? TryLoadOpenAICompatible()
    {
        var directory = Path.GetDirectoryName(typeof(LlmProviderDiscovery).Assembly.Location);
        if (string.IsNullOrEmpty(directory) || !File.Exists(Path.Combine(directory, OpenAIAssemblyName + ".dll")))
            return null;
        try
        {
            var assembly = Assembly.Load(new AssemblyName(OpenAIAssemblyName));
            var type = assembly.GetType(OpenAIProviderTypeName, throwOnError: false);
            return type is null ? null : Activator.CreateInstance(type) as IChatClientProvider;
        }
        catch (Exception ex) when (ex is FileLoadException or BadImageFormatException or FileNotFoundException or TargetInvocationException or MissingMethodException)
        {
            return null;
        }
    }
}
