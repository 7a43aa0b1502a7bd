namespace Siget.Core.Problems;

/// <summary>A problem's life: registered, under analysis, its cause known with a workaround, solved, or discarded.</summary>
public enum ProblemState
{
    Abierto = 1,
    EnAnalisis = 2,
    /// <summary>The root cause is known and a workaround is documented; the definitive solution is pending.</summary>
    ErrorConocido = 3,
    Resuelto = 4,
    /// <summary>Not a problem after all (a coincidence, a duplicate): closed with a reason.</summary>
    Descartado = 5,
}

public static class ProblemStateNames
{
    public static string Label(this ProblemState state) => state switch
    {
        ProblemState.Abierto => "Abierto",
        ProblemState.EnAnalisis => "En análisis",
        ProblemState.ErrorConocido => "Error conocido",
        ProblemState.Resuelto => "Resuelto",
        ProblemState.Descartado => "Descartado",
        _ => state.ToString(),
    };

    public static bool IsOpen(this ProblemState state) => state is ProblemState.Abierto or ProblemState.EnAnalisis or ProblemState.ErrorConocido;
}
