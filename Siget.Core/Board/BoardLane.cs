using System.Globalization;
using Siget.Core.Escalation;

namespace Siget.Core.Board;

/// <summary>
/// A column of the supervisor board: a person of a level, a level's unassigned queue, or (at level 3) a vendor
/// company, which is where escalated tickets land whichever of its users holds them.
/// </summary>
public sealed record BoardLane(SupportLevel Level, string? PersonId = null, int? VendorCompanyId = null)
{
    /// <summary>Where a ticket sits on the board.</summary>
    public static BoardLane Of(SupportLevel level, string? assigneeId, int? vendorCompanyId) =>
        level == SupportLevel.Nivel3 ? new(level, null, vendorCompanyId) : new(level, assigneeId);

    public bool IsQueue => PersonId is null && VendorCompanyId is null;

    /// <summary>A stable text id for drop zones and the DOM: "1:cola", "2:p:{user id}", "3:v:{company id}".</summary>
    public string Id => VendorCompanyId is int v ? $"{(int)Level}:v:{v}"
        : PersonId is null ? $"{(int)Level}:cola"
        : $"{(int)Level}:p:{PersonId}";

    public static BoardLane? Parse(string? id)
    {
        var parts = id?.Split(':', 3) ?? [];
        if (parts.Length < 2 || !int.TryParse(parts[0], CultureInfo.InvariantCulture, out var n) || !Enum.IsDefined((SupportLevel)n)) return null;
        var level = (SupportLevel)n;
        return parts switch
        {
            [_, "cola"] => new BoardLane(level),
            [_, "p", var person] when person.Length > 0 => new BoardLane(level, person),
            [_, "v", var company] when int.TryParse(company, CultureInfo.InvariantCulture, out var c) => new BoardLane(level, null, c),
            _ => null,
        };
    }
}
