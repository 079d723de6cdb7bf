using System.Diagnostics;

namespace Persona.Core.Tests.Library;

/// <summary>Runs the Persona.TestChild helper as a real separate process.</summary>
internal sealed class ChildProcess : IDisposable
{
    private readonly Process _process;

    private ChildProcess(Process process)
    {
        _process = process;
    }

    public static ChildProcess Start(params string[] args)
    {
        var dll = typeof(ChildProcess).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), inherit: false)
            .Cast<System.Reflection.AssemblyMetadataAttribute>()
            .Single(a => a.Key == "Persona.TestChild.Path").Value!;
        var info = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(dll);
        foreach (var arg in args)
            info.ArgumentList.Add(arg);
        return new ChildProcess(Process.Start(info) ?? throw new InvalidOperationException("could not start " + dll));
    }

    /// <summary>Reads stdout lines until one starts with <paramref name="prefix"/>.</summary>
    public async Task<string> WaitForLineAsync(string prefix, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        while (await _process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.StartsWith(prefix, StringComparison.Ordinal))
                return line;
        }

        throw new InvalidOperationException($"child exited before printing {prefix}: {await _process.StandardError.ReadToEndAsync(cancellationToken)}");
    }

    public async Task<(int ExitCode, string Output)> WaitForExitAsync(CancellationToken cancellationToken)
    {
        var output = await _process.StandardOutput.ReadToEndAsync(cancellationToken);
        await _process.WaitForExitAsync(cancellationToken);
        return (_process.ExitCode, output);
    }

    public async Task KillAsync(CancellationToken cancellationToken)
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync(cancellationToken);
    }

    public void Dispose()
    {
        if (!_process.HasExited)
            _process.Kill(entireProcessTree: true);
        _process.Dispose();
    }
}
