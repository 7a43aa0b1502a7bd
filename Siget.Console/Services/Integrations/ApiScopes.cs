namespace Siget.Console.Services.Integrations;

/// <summary>What a key may do. A key holds any of them; each endpoint of <c>/api/v1</c> needs one.</summary>
public static class ApiScopes
{
    public const string CrearTickets = "tickets:crear";
    public const string LeerTickets = "tickets:leer";
    public const string ResponderTickets = "tickets:responder";
    public const string LeerCatalogo = "catalogo:leer";
    public const string Webhooks = "webhooks";

    public static IReadOnlyList<string> All { get; } = [CrearTickets, LeerTickets, ResponderTickets, LeerCatalogo, Webhooks];

    public static string Describe(string scope) => scope switch
    {
        CrearTickets => "Registrar tickets",
        LeerTickets => "Consultar tickets de su canal",
        ResponderTickets => "Responder, finalizar y reabrir como el solicitante; adjuntar archivos",
        LeerCatalogo => "Leer el catálogo de servicios",
        Webhooks => "Recibir avisos (webhooks)",
        _ => scope,
    };

    /// <summary>The scopes written as a list ("tickets:crear tickets:leer" or with commas), checked and in canonical order.</summary>
    public static IReadOnlyList<string> Parse(string? text)
    {
        var asked = (text ?? "").Split([' ', ',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var unknown = asked.Where(s => !All.Contains(s)).ToList();
        if (unknown.Count > 0)
            throw new Siget.Core.DomainException($"Alcances desconocidos: {string.Join(", ", unknown)}. Válidos: {string.Join(", ", All)}.", "Scopes");
        if (asked.Length == 0) throw new Siget.Core.DomainException("Elija al menos un alcance.", "Scopes");
        return All.Where(asked.Contains).ToList();
    }
}
