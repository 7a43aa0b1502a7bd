using System.Globalization;
using Siget.Console.Data;
using Siget.Core;
using Siget.Core.Catalog;
using Siget.Core.Escalation;
using Siget.Core.Priorities;
using Siget.Core.Reports;

namespace Siget.Console.Services.Reports;

/// <summary>The names the report shows for the keys of its breakdowns (codes and ids in <see cref="ReportTicket"/>).</summary>
public sealed record ReportNames(
    IReadOnlyDictionary<int, string> Categories,
    IReadOnlyDictionary<int, string> Subcategories,
    IReadOnlyDictionary<int, (string Name, UnitKind Kind)> Units,
    IReadOnlyDictionary<string, string> People,
    IReadOnlyDictionary<int, (string Name, int? ContractHours)> Vendors)
{
    public string Of(ReportDimension dimension, string key) => dimension switch
    {
        ReportDimension.Categoria => Categories.GetValueOrDefault(Int(key)) ?? key,
        ReportDimension.Subcategoria => Subcategories.GetValueOrDefault(Int(key)) ?? key,
        ReportDimension.Canal => Enum.TryParse<Channel>(key, out var channel) ? channel.Label() : key,
        ReportDimension.Unidad => Units.TryGetValue(Int(key), out var unit) ? $"{unit.Name} ({(unit.Kind == UnitKind.Tambo ? "Tambo" : "Unidad")})" : key,
        ReportDimension.Prioridad => Enum.TryParse<Priority>(key, out var priority) ? priority.Label() : key,
        ReportDimension.Nivel => Enum.TryParse<SupportLevel>(key, out var level) ? level.Label() : key,
        ReportDimension.Persona => People.GetValueOrDefault(key) ?? "(persona retirada)",
        ReportDimension.Proveedor => Vendor(Int(key)),
        ReportDimension.Calificacion => Plural.Of(Int(key), "estrella", "estrellas"),
        _ => key,
    };

    public string Vendor(int id) => Vendors.TryGetValue(id, out var vendor) ? vendor.Name : $"Empresa {id}";

    public IReadOnlyDictionary<int, int?> ContractHours => Vendors.ToDictionary(v => v.Key, v => v.Value.ContractHours);

    private static int Int(string key) => int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : -1;
}

/// <summary>
/// What one person's report of one period is computed from: the tickets they may see that were received, resolved or
/// closed in it, plus the ones open now, and the names of everything they are broken down by.
/// </summary>
/// <param name="Report">The calculations over these tickets, on the calendar in force when they were read; it keeps each
/// ticket's business-time measures, so the dashboard, its breakdowns and its exports work them out once.</param>
public sealed record ReportData(ReportPeriod Period, DateTime AtUtc, IReadOnlyList<ReportTicket> Tickets, ReportNames Names, bool WholeService, ServiceReport Report)
{
    /// <summary>Whether a level's figures are shown: a vendor reads its own level; the UTI's levels are not its business.</summary>
    public bool ShowsLevel(Siget.Core.Escalation.SupportLevel level) => WholeService || level == Siget.Core.Escalation.SupportLevel.Nivel3;
}
