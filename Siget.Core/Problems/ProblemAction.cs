namespace Siget.Core.Problems;

/// <summary>What can happen to a problem; every one leaves a history entry.</summary>
public enum ProblemAction
{
    Registrar = 0,
    Asignar = 1,
    RegistrarErrorConocido = 2,
    Resolver = 3,
    Reabrir = 4,
    Descartar = 5,
    VincularIncidente = 6,
    DesvincularIncidente = 7,
}

public static class ProblemActionNames
{
    /// <summary>The past tense shown in the problem's history.</summary>
    public static string PastLabel(this ProblemAction action) => action switch
    {
        ProblemAction.Registrar => "Registrado",
        ProblemAction.Asignar => "Asignado",
        ProblemAction.RegistrarErrorConocido => "Error conocido registrado",
        ProblemAction.Resolver => "Resuelto",
        ProblemAction.Reabrir => "Reabierto",
        ProblemAction.Descartar => "Descartado",
        ProblemAction.VincularIncidente => "Incidente vinculado",
        ProblemAction.DesvincularIncidente => "Incidente desvinculado",
        _ => action.ToString(),
    };
}
