using System.Globalization;
using Siget.Console.Services.Tickets;
using Siget.Core.Catalog;
using Siget.Core.Escalation;
using Siget.Core.Priorities;
using Siget.Core.Reports;
using Siget.Core.Sla;
using Siget.Core.Tickets;

namespace Siget.Console.Services.Reports;

/// <summary>A column of an exported table: its Spanish header and its value (text, a number or a Lima date-time).</summary>
public sealed record ReportColumn<T>(string Header, Func<T, object?> Value);

/// <summary>
/// The columns of the exports, written once for CSV and Excel: a drill-down's tickets and a breakdown's table.
/// Durations are business hours as a number with one decimal (the screen writes the same time as hours and minutes).
/// </summary>
public static class ReportColumns
{
    public static IReadOnlyList<ReportColumn<ReportTicket>> Tickets(ReportData data) =>
    [
        new("Número", t => t.Number),
        new("Asunto", t => t.Subject),
        new("Canal", t => t.Channel.Label()),
        new("Categoría", t => data.Names.Of(ReportDimension.Categoria, Key(t.CategoryId))),
        new("Subcategoría", t => data.Names.Of(ReportDimension.Subcategoria, Key(t.SubcategoryCode))),
        new("Unidad o Tambo", t => t.UnitId is int unit ? data.Names.Of(ReportDimension.Unidad, Key(unit)) : null),
        new("Prioridad", t => t.Priority.Label()),
        new("Estado", t => t.State.Label()),
        new("Nivel", t => t.Level.Label()),
        new("Asignado a", t => t.AssigneeName),
        new("Empresa proveedora", t => t.VendorCompanyId is int v ? data.Names.Vendor(v) : null),
        new("Registrado (Lima)", t => LimaTime.FromUtc(t.RegisteredAtUtc)),
        new("Primera respuesta (Lima)", t => t.FirstResponseAtUtc is { } at ? LimaTime.FromUtc(at) : null),
        new("Resuelto (Lima)", t => t.ResolvedAtUtc is { } at ? LimaTime.FromUtc(at) : null),
        new("Primera respuesta (h hábiles)", t => data.Report.FirstResponseTime(t, data.AtUtc) is { } time ? Hours(time) : null),
        new("Resolución (h hábiles)", t => data.Report.ResolutionTime(t, data.AtUtc) is { } time ? Hours(time) : null),
        new("Primera respuesta en plazo", t => YesNo(ReportSets.ResponseOnTime(t, data.AtUtc))),
        new("Resolución en plazo", t => YesNo(ReportSets.ResolutionOnTime(t, data.AtUtc))),
        new("Escalamientos", t => t.Moves.Count(m => m.To > m.From)),
        new("Reaperturas", t => t.Reopenings.Count),
        new("Calificación", t => t.SatisfactionRating),
    ];

    public static IReadOnlyList<ReportColumn<BreakdownRow>> Breakdown(ReportData data, ReportDimension dimension) =>
    [
        new(dimension.Label(), r => data.Names.Of(dimension, r.Key)),
        new("Recibidos", r => r.Received),
        new("Resueltos", r => r.Resolved),
        new("Resolución en plazo (%)", r => Round(r.ResolutionOnTime.Percent)),
        new("Resolución media (h hábiles)", r => r.Resolution.Mean is { } mean ? Hours(mean) : null),
        new("Resolución mediana (h hábiles)", r => r.Resolution.Median is { } median ? Hours(median) : null),
        new("Reabiertos", r => r.Reopened),
        new("Abiertos ahora", r => r.OpenNow),
    ];

    /// <summary>Business hours with one decimal, so that a spreadsheet can sum and average them.</summary>
    public static double Hours(TimeSpan span) => Math.Round(span.TotalHours, 1, MidpointRounding.AwayFromZero);

    public static double? Round(double? percent) => percent is { } p ? Math.Round(p, 1, MidpointRounding.AwayFromZero) : null;

    private static string? YesNo(bool? value) => value switch { true => "Sí", false => "No", null => null };

    private static string Key(int value) => value.ToString(CultureInfo.InvariantCulture);
}
