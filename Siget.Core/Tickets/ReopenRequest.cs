using Siget.Core.Catalog;

namespace Siget.Core.Tickets;

/// <summary>
/// A requester's request to reopen, received by a supervisor who records it for them (6.6: reopening is the
/// requester's act): who asked, and how they asked (by phone, in person or by email).
/// </summary>
public sealed record ReopenRequest(string? RequestedBy, Channel How)
{
    public const int RequestedByMaxLength = 200;

    /// <summary>The ways a request reaches the UTI other than the requester's own screen.</summary>
    public static IReadOnlyList<Channel> Ways => ChannelRules.RegisteredByStaff;

    /// <summary>The history's reason: "A pedido de María Flores (por teléfono): …"; refuses a request that says not who or how.</summary>
    internal string Describe(string reason)
    {
        var who = Text.Required(RequestedBy, RequestedByMaxLength, "quién pidió reabrir el ticket");
        if (!Ways.Contains(How)) throw new DomainException("Indique cómo lo pidió: por teléfono, en persona o por correo electrónico.");
        return $"A pedido de {who} ({Manner(How)}): {reason}";
    }

    public static string Manner(Channel how) => how switch
    {
        Channel.Telefono => "por teléfono",
        Channel.Presencial => "en persona",
        Channel.CorreoElectronico => "por correo electrónico",
        _ => how.Label().ToLowerInvariant(),
    };
}
