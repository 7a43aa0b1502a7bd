namespace Siget.Console.Data;

/// <summary>
/// One audited event: sign-ins (and failed attempts, never with the password tried), sign-outs and administrative
/// changes, with who, when, from which address, and the value before and after.
/// </summary>
public class AuditEntry
{
    public const int TextMaxLength = 4000;

    public long Id { get; set; }
    public DateTime AtUtc { get; set; }
    /// <summary>Null when nobody is signed in (a failed sign-in).</summary>
    public string? ActorId { get; set; }
    public string ActorName { get; set; } = "";
    /// <summary>What happened, in Spanish: "Ingreso", "Ingreso fallido", "Cuenta bloqueada", "Salida", "Usuario modificado"…</summary>
    public string Action { get; set; } = "";
    /// <summary>What it happened to: the user name typed, the person or the setting changed.</summary>
    public string Subject { get; set; } = "";
    public string? Before { get; set; }
    public string? After { get; set; }
    public string? Address { get; set; }
}
