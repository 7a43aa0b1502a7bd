using Siget.Core.Catalog;
using Siget.Core.Escalation;

namespace Siget.Core.Access;

/// <summary>The person (or the system) doing something, as the rules need to know them.</summary>
public sealed record Actor(string UserId, string Name, Role Role, int? VendorCompanyId = null)
{
    public static Actor System { get; } = new("sistema", "Sistema", Role.Sistema);

    /// <summary>For <see cref="Role.Integracion"/>: the channel whose tickets the integration registers and reads.</summary>
    public Channel? IntegrationChannel { get; init; }

    /// <summary>Another system acting with an API key: its id is the key's, its name the key's ("SISMONITOR").</summary>
    public static Actor Integration(string keyPublicId, string name, Channel channel) =>
        new($"{IntegrationPrefix}{keyPublicId}", name, Role.Integracion) { IntegrationChannel = channel };

    /// <summary>User ids of integrations: no account ever has one.</summary>
    public const string IntegrationPrefix = "clave:";

    /// <summary>The support level a person works at, from their role (Anexo 3).</summary>
    public SupportLevel? Level => Role switch
    {
        Role.Tecnico => SupportLevel.Nivel1,
        Role.Especialista => SupportLevel.Nivel2,
        Role.Proveedor => SupportLevel.Nivel3,
        Role.Supervisor => SupportLevel.Nivel4,
        _ => null,
    };

    public bool SeesEverything => Role is Role.Supervisor or Role.Administrador or Role.Sistema;
}
