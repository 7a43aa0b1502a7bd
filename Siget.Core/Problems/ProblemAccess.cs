using Siget.Core.Access;

namespace Siget.Core.Problems;

/// <summary>
/// Who works with problems. UTI staff read them (the administrator too); specialists and the supervisor register,
/// analyse and resolve them; whoever works incidents (technicians included) links the incidents they see to one.
/// Requesters and vendors never see problems, only the solution that reaches their incident.
/// </summary>
public static class ProblemAccess
{
    public const string Refusal = "Solo el personal de la UTI consulta los problemas.";
    public const string ManageRefusal = "Solo los especialistas y el Ejecutivo de la UTI gestionan problemas.";

    public static bool MayView(Actor actor) =>
        actor.Role is Role.Tecnico or Role.Especialista or Role.Supervisor or Role.Administrador or Role.Sistema;

    public static bool MayManage(Actor actor) => actor.Role is Role.Especialista or Role.Supervisor;

    public static bool MayLink(Actor actor) => actor.Role is Role.Tecnico or Role.Especialista or Role.Supervisor;

    /// <summary>Discarding a problem (and dismissing a recurrence suggestion) is the supervisor's call.</summary>
    public static bool MayDiscard(Actor actor) => actor.Role == Role.Supervisor;

    public static void EnsureView(Actor actor)
    {
        if (!MayView(actor)) throw new DomainException(Refusal);
    }

    public static void EnsureManage(Actor actor)
    {
        if (!MayManage(actor)) throw new DomainException(ManageRefusal);
    }
}
