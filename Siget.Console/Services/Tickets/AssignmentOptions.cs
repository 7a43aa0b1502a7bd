using Siget.Console.Services.Administration;

namespace Siget.Console.Services.Tickets;

/// <summary>The "Assignment" configuration section: the starting value of automatic assignment of new tickets (off by
/// default); administrators switch it later in Configuración (<see cref="SigetSettings.AutomaticAssignment"/>).</summary>
public sealed class AssignmentOptions
{
    public const string Section = "Assignment";
    public const string FormerSection = "Asignacion";

    /// <summary>New tickets go to the available level-1 technician with the fewest open tickets.</summary>
    public bool Automatic { get; set; }
}
