namespace Persona.Core.Training;

/// <summary>Which file an example lands in.</summary>
public enum SplitName
{
    Train,
    Valid,
}
