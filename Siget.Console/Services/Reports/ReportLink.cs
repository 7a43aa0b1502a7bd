using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;
using Siget.Core;
using Siget.Core.Escalation;
using Siget.Core.Reports;

namespace Siget.Console.Services.Reports;

/// <summary>
/// The addresses of the reports, so that a dashboard, a drill-down or an export can be bookmarked and shared:
/// <c>desde</c>, <c>hasta</c> (yyyy-MM-dd, Lima), <c>conjunto</c>, <c>dimension</c>, <c>clave</c>, <c>nivel</c>.
/// </summary>
public static class ReportLink
{
    public const string Dashboard = "reportes";
    public const string Tickets = "reportes/tickets";
    public const string TicketsExport = "reportes/exportar/tickets";
    public const string BreakdownExport = "reportes/exportar/desglose";
    public const string MonthlyReport = "reportes/informe-mensual";

    public static string To(string path, ReportPeriod period, ReportSet? set = null, ReportDimension? dimension = null, string? key = null,
        SupportLevel? level = null, string? format = null)
    {
        var query = new Dictionary<string, string?>
        {
            ["desde"] = period.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["hasta"] = period.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        };
        if (set is { } s) query["conjunto"] = s.ToString();
        if (dimension is { } d) query["dimension"] = d.ToString();
        if (key is not null) query["clave"] = key;
        if (level is { } l) query["nivel"] = l.ToString();
        if (format is not null) query["formato"] = format;
        return QueryHelpers.AddQueryString(path, query);
    }

    public static string To(string path, ReportFilter filter, string? format = null) =>
        To(path, filter.Period, filter.Set, filter.Dimension, filter.Key, filter.Level, format);

    /// <summary>The period of an address; this month when it names none. Bad dates are refused in Spanish.</summary>
    public static ReportPeriod Period(string? desde, string? hasta, DateTime nowUtc)
    {
        if (string.IsNullOrEmpty(desde) && string.IsNullOrEmpty(hasta)) return ReportPeriod.ThisMonth(nowUtc);
        return new ReportPeriod(Date(desde, "inicial"), Date(hasta, "final"));
    }

    public static ReportFilter Filter(string? desde, string? hasta, string? conjunto, string? dimension, string? clave, string? nivel, DateTime nowUtc)
    {
        var period = Period(desde, hasta, nowUtc);
        var set = Enum<ReportSet>(conjunto, "El conjunto de tickets no existe.") ?? ReportSet.Recibidos;
        var by = Enum<ReportDimension>(dimension, "El desglose pedido no existe.");
        if (by is not null && string.IsNullOrEmpty(clave)) throw new DomainException("Falta el valor del desglose (clave).");
        return new ReportFilter(period, set, by, by is null ? null : clave, Enum<SupportLevel>(nivel, "El nivel pedido no existe."));
    }

    public static T? Enum<T>(string? value, string error) where T : struct, System.Enum =>
        string.IsNullOrEmpty(value) ? null
        : System.Enum.TryParse<T>(value, ignoreCase: true, out var parsed) && System.Enum.IsDefined(parsed) && !int.TryParse(value, out _) ? parsed
        : throw new DomainException(error);

    /// <summary>Dates a report can be about; far beyond them, the conversions to UTC and to the next month would overflow.</summary>
    private static readonly (DateOnly First, DateOnly Last) Reach = (new(2000, 1, 1), new(2999, 12, 31));

    private static DateOnly Date(string? value, string which) =>
        !DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? throw new DomainException($"La fecha {which} del periodo no es válida; use el formato aaaa-mm-dd.")
        : date < Reach.First || date > Reach.Last
            ? throw new DomainException($"La fecha {which} del periodo debe estar entre el {Reach.First:dd/MM/yyyy} y el {Reach.Last:dd/MM/yyyy}.")
        : date;
}
