using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Persona.Notebooks.Tests.Execution;

/// <summary>Compiles a small class library to a DLL, for <c>#r</c> tests.</summary>
internal static class LibraryCompiler
{
    public static string Compile(string directory, string assemblyName, string source, params string[] referencePaths)
    {
        var trusted = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) is "netstandard.dll" or "mscorlib.dll")
            .Select(p => MetadataReference.CreateFromFile(p));
        var compilation = CSharpCompilation.Create(
            assemblyName,
            [CSharpSyntaxTree.ParseText(source)],
            [.. trusted, .. referencePaths.Select(p => MetadataReference.CreateFromFile(p))],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, assemblyName + ".dll");
        var result = compilation.Emit(path);
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        return path;
    }
}
