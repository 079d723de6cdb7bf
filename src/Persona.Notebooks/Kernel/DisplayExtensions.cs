using Microsoft.DotNet.Interactive;

#pragma warning disable IDE0130, CA1050 // .NET Interactive declares these in namespace System so notebooks need no using.
namespace System;

/// <summary><c>x.Display()</c> and <c>"…".DisplayAs(mime)</c>, as notebooks call them in VS Code.</summary>
public static class DisplayExtensions
{
    public static DisplayedValue Display(this object? value, params string[] mimeTypes) => Kernel.display(value, mimeTypes);

    /// <summary>Shows the string verbatim under the given MIME type.</summary>
    public static DisplayedValue DisplayAs(this string value, string mimeType) =>
        Kernel.display(new Persona.Notebooks.Execution.RawMimeValue(value, mimeType));
}
