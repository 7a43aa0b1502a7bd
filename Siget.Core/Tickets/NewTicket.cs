using Siget.Core.Catalog;
using Siget.Core.Priorities;

namespace Siget.Core.Tickets;

/// <summary>What a person says when a ticket is registered. The requester fields are resolved by the caller.</summary>
public sealed record NewTicket(
    TicketKind Kind,
    Channel Channel,
    int SubcategoryCode,
    string Subject,
    string Description,
    OperatingImpact Impact,
    bool AlternativeAvailable,
    TicketRequester Requester);

/// <summary>Who the ticket is for, as known at registration (a snapshot: later renames do not rewrite tickets).</summary>
public sealed record TicketRequester(string UserId, string Name, int? UnitId, string? UnitName, bool Preferential)
{
    /// <summary>Citizens have no account: their requester id is this prefix and a new GUID, which no user ever has.</summary>
    public const string CitizenPrefix = "ciudadano:";

    /// <summary>A citizen attended by phone or in person at a unit or Tambo; served first within the priority (MTPE 6.3.e).</summary>
    public static TicketRequester Citizen(string name, string document, int? unitId, string? unitName)
    {
        var fullName = Text.RequiredLine(name, 120, "el nombre del ciudadano");
        var dni = Text.RequiredLine(document, 12, "el documento de identidad");
        if (!dni.All(char.IsLetterOrDigit) || dni.Length < 8)
            throw new DomainException("El documento de identidad debe tener al menos 8 letras o dígitos (DNI o carné de extranjería).");
        return new TicketRequester($"{CitizenPrefix}{Guid.NewGuid():N}", fullName, unitId, unitName, Preferential: true) { CitizenDocument = dni };
    }

    /// <summary>DNI or foreigner's card of a citizen requester; null for staff.</summary>
    public string? CitizenDocument { get; init; }

    public bool IsCitizen => CitizenDocument is not null;
}

public static class TicketLimits
{
    public const int SubjectMaxLength = 150;
    public const int DescriptionMaxLength = 4000;
    public const int ReasonMaxLength = 1000;
    public const int SolutionMaxLength = 4000;
}
