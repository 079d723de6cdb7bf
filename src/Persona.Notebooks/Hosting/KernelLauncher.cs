using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Persona.Notebooks.Hosting;

/// <summary>
/// Starts the kernel child: <c>dotnet exec Persona.Notebooks.dll</c> from the folder this assembly was
/// loaded from (the CLI's or a test's output folder), with that folder's assemblies as its dependencies.
/// </summary>
internal static class KernelLauncher
{
    private static readonly Lazy<string> RuntimeConfig = new(FindOrWriteRuntimeConfig);

    public static ProcessStartInfo CreateStartInfo()
    {
        var kernel = typeof(KernelProcess).Assembly.Location;
        var start = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = System.Text.Encoding.UTF8,
            StandardErrorEncoding = System.Text.Encoding.UTF8,
        };
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add("--runtimeconfig");
        start.ArgumentList.Add(RuntimeConfig.Value);
        start.ArgumentList.Add(kernel);
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        return start;
    }

    private static string DotnetHost()
    {
        var fromSdk = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(fromSdk) && File.Exists(fromSdk))
            return fromSdk;
        var exe = OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet";
        if (Environment.ProcessPath is { } self && Path.GetFileName(self) == exe)
            return self;
        // shared/Microsoft.NETCore.App/<version>/ → the dotnet root three levels up.
        var root = Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", ".."));
        var candidate = Path.Combine(root, exe);
        return File.Exists(candidate) ? candidate : exe;
    }

    private static string FindOrWriteRuntimeConfig()
    {
        var beside = Path.ChangeExtension(typeof(KernelProcess).Assembly.Location, ".runtimeconfig.json");
        if (File.Exists(beside))
            return beside;
        // Referenced from another app without its runtimeconfig: describe the runtime this process uses.
        var version = Environment.Version;
        var path = Path.Combine(Path.GetTempPath(), $"persona-kernel-{version}.runtimeconfig.json");
        if (!File.Exists(path))
        {
            var framework = $"{version.Major}.{version.Minor}";
            File.WriteAllText(path, "{\"runtimeOptions\":{\"tfm\":\"net" + framework + "\",\"framework\":{\"name\":\"Microsoft.NETCore.App\",\"version\":\"" + framework + ".0\"}}}\n");
        }

        return path;
    }
}
