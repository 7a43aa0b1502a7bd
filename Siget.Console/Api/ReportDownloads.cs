using System.Security.Claims;
using Microsoft.Net.Http.Headers;
using Siget.Console.Services.People;
using Siget.Console.Services.Reports;
using Siget.Core;
using Siget.Core.Reports;

namespace Siget.Console.Api;

/// <summary>
/// The reports' downloads, for the same person and the same addresses as the screens (<see cref="ReportLink"/>):
/// <c>GET /reportes/exportar/tickets</c> (a drill-down's tickets) and <c>GET /reportes/exportar/desglose</c> (a breakdown),
/// with <c>formato=csv</c> (streamed as it is written) or <c>formato=xlsx</c>. Bad parameters and people without access
/// get a ProblemDetails in Spanish.
/// </summary>
internal static class ReportDownloads
{
    public static void MapReportDownloads(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/" + ReportLink.TicketsExport, (HttpContext http, ClaimsPrincipal user, ReportQueries reports, TimeProvider clock,
            string? desde, string? hasta, string? conjunto, string? dimension, string? clave, string? nivel, string? formato, CancellationToken ct) =>
            Answer(http, user, dimension, async () =>
            {
                var filter = ReportLink.Filter(desde, hasta, conjunto, dimension, clave, nivel, clock.GetUtcNow().UtcDateTime);
                var format = Format(formato);
                var (data, tickets) = await reports.DrillDownAsync(user.ToActor(), filter, ct);
                var columns = ReportColumns.Tickets(data);
                await SendAsync(http, format, $"tickets-{filter.Set.ToString().ToLowerInvariant()}-{Stamp(filter.Period)}", "Tickets", columns, tickets, ct);
            })).RequireAuthorization();

        endpoints.MapGet("/" + ReportLink.BreakdownExport, (HttpContext http, ClaimsPrincipal user, ReportQueries reports, TimeProvider clock,
            string? desde, string? hasta, string? dimension, string? formato, CancellationToken ct) =>
            Answer(http, user, dimension, async () =>
            {
                var period = ReportLink.Period(desde, hasta, clock.GetUtcNow().UtcDateTime);
                var by = ReportLink.Enum<ReportDimension>(dimension, "El desglose pedido no existe.") ?? throw new DomainException("Indique el desglose (dimension).");
                var format = Format(formato);
                var (data, rows) = await reports.BreakdownAsync(user.ToActor(), period, by, ct);
                await SendAsync(http, format, $"desglose-{by.ToString().ToLowerInvariant()}-{Stamp(period)}", by.Label(), ReportColumns.Breakdown(data, by), rows, ct);
            })).RequireAuthorization();
    }

    /// <summary>403 for whoever may not read this (the rules the services apply, <see cref="ReportAccess"/>), 400 for a bad parameter.</summary>
    private static async Task<IResult> Answer(HttpContext http, ClaimsPrincipal user, string? dimension, Func<Task> send)
    {
        var actor = user.ToActor();
        if (!ReportAccess.MayView(actor)) return Problem(ReportAccess.Refusal, StatusCodes.Status403Forbidden);
        if (System.Enum.TryParse<ReportDimension>(dimension, ignoreCase: true, out var by) && !ReportAccess.MayBreakDownBy(actor, by))
            return Problem(ReportAccess.BreakdownRefusal(by), StatusCodes.Status403Forbidden);
        try
        {
            await send();
            return Results.Empty;
        }
        catch (DomainException ex) when (!http.Response.HasStarted)
        {
            return Problem(ex.Message, StatusCodes.Status400BadRequest);
        }
    }

    private static IResult Problem(string detail, int status) => Results.Problem(
        title: status == StatusCodes.Status403Forbidden ? "Sin acceso a este reporte" : "Solicitud no válida", detail: detail, statusCode: status);

    private static string Format(string? value) => value?.ToLowerInvariant() switch
    {
        null or "" or "csv" => "csv",
        "xlsx" or "excel" => "xlsx",
        _ => throw new DomainException("El formato debe ser csv o xlsx."),
    };

    private static async Task SendAsync<T>(HttpContext http, string format, string name, string sheet, IReadOnlyList<ReportColumn<T>> columns,
        IEnumerable<T> rows, CancellationToken ct)
    {
        http.Response.Headers[HeaderNames.CacheControl] = "private, no-store";
        http.Response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
        var disposition = new ContentDispositionHeaderValue("attachment");
        disposition.SetHttpFileName($"{name}.{format}");
        http.Response.Headers[HeaderNames.ContentDisposition] = disposition.ToString();
        if (format == "csv")
        {
            http.Response.ContentType = ReportExports.CsvType;
            await ReportExports.WriteCsvAsync(http.Response.Body, columns, rows, ct);
            return;
        }
        var workbook = ReportExports.Excel(sheet, columns, rows, ct);
        http.Response.ContentType = ReportExports.ExcelType;
        http.Response.ContentLength = workbook.Length; // the browser shows the download's progress
        await http.Response.Body.WriteAsync(workbook, ct);
    }

    private static string Stamp(ReportPeriod period) => $"{period.From:yyyyMMdd}-{period.To:yyyyMMdd}";
}
