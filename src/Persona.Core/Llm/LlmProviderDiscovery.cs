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
        var path = string.IsNullOrEmpty(directory) ? null : Path.Combine(directory, OpenAIAssemblyName + ".dll");
        if (path is null || !File.Exists(path))
            return null;
        try
        {
            // By path, not by name: a notebook host loads Persona.Core from artifacts/nblib, which is not on
            // the host's probing path; LoadFrom also resolves the adapter's dependencies from that folder.
            var assembly = Assembly.LoadFrom(path);
            var type = assembly.GetType(OpenAIProviderTypeName, throwOnError: false);
            return type is null ? null : Activator.CreateInstance(type) as IChatClientProvider;
        }
        catch (Exception ex) when (ex is FileLoadException or BadImageFormatException or FileNotFoundException or TargetInvocationException or MissingMethodException)
        {
            return null;
        }
    }
}
