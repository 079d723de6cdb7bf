namespace Persona.Notebooks.Hosting;

/// <summary>A parameter as it travels to the child: its name, C# expression and text.</summary>
internal sealed record KernelParameter(string Name, string CSharp, string Text);
