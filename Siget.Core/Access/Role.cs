namespace Siget.Core.Access;

/// <summary>The roles of SIGET. The names are the Identity role names.</summary>
public enum Role
{
    Usuario = 1,
    Tecnico = 2,
    Especialista = 3,
    Proveedor = 4,
    Supervisor = 5,
    Administrador = 6,
    /// <summary>Another system calling the public API with a key (SISMONITOR): never a person's role. It registers and
    /// reads the tickets of its own channel (<see cref="Actor.IntegrationChannel"/>).</summary>
    Integracion = 98,
    /// <summary>The system itself (automatic escalation, auto-finalisation). Never a person's role.</summary>
    Sistema = 99,
}

/// <summary>Classification of a public servant (definition 5.1.h).</summary>
public enum Classification
{
    DirectorEjecutivo = 1,
    Ejecutivo = 2,
    Especialista = 3,
    DeApoyo = 4,
}

public static class RoleNames
{
    public static string Label(this Role role) => role switch
    {
        Role.Usuario => "Usuario / Servidor",
        Role.Tecnico => "Técnico de Soporte (Nivel 1)",
        Role.Especialista => "Especialista de TI (Nivel 2)",
        Role.Proveedor => "Proveedor (Nivel 3)",
        Role.Supervisor => "Ejecutivo de la UTI / Supervisor",
        Role.Administrador => "Administrador",
        Role.Sistema => "Sistema",
        Role.Integracion => "Integración",
        _ => role.ToString(),
    };

    public static string Label(this Classification classification) => classification switch
    {
        Classification.DirectorEjecutivo => "Director Ejecutivo",
        Classification.Ejecutivo => "Ejecutivo",
        Classification.Especialista => "Especialista",
        Classification.DeApoyo => "De Apoyo",
        _ => classification.ToString(),
    };

    /// <summary>Roles a person's account may have (not Sistema, not an integration).</summary>
    public static bool IsPersonRole(this Role role) => role is not (Role.Sistema or Role.Integracion);

    /// <summary>Roles that work tickets for the UTI (see the queue, register on behalf of others).</summary>
    public static bool IsUtiStaff(this Role role) => role is Role.Tecnico or Role.Especialista or Role.Supervisor;

    /// <summary>Top management is served first (MTPE 6.3.e).</summary>
    public static bool IsTopManagement(this Classification? classification) =>
        classification is Classification.DirectorEjecutivo or Classification.Ejecutivo;
}
