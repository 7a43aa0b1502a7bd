using System.Security.Claims;
using Microsoft.Net.Http.Headers;
using Siget.Console.Components.Reports;
using Siget.Console.Services;
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
            Answer(http, async () =>
            {
                var filter = ReportLink.Filter(desde, hasta, conjunto, dimension, clave, nivel, clock.GetUtcNow().UtcDateTime);
                var format = Format(formato);
                var (data, tickets) = await reports.DrillDownAsync(user.ToActor(), filter, ct);
                var columns = ReportColumns.Tickets(data);
                await SendAsync(http, format, $"tickets-{filter.Set.ToString().ToLowerInvariant()}-{Stamp(filter.Period)}", "Tickets", columns, tickets, ct);
            })).RequireAuthorization();

        endpoints.MapGet("/" + ReportLink.BreakdownExport, (HttpContext http, ClaimsPrincipal user, ReportQueries reports, TimeProvider clock,
            string? desde, string? hasta, string? dimension, string? formato, CancellationToken ct) =>
            Answer(http, async () =>
            {
                var period = ReportLink.Period(desde, hasta, clock.GetUtcNow().UtcDateTime);
                var by = ReportLink.Enum<ReportDimension>(dimension, "El desglose pedido no existe.") ?? throw new DomainException("Indique el desglose (dimension).");
                var format = Format(formato);
                var data = await reports.LoadAsync(user.ToActor(), period, ct);
                var rows = data.Report.Breakdown(data.Tickets, period, data.AtUtc, by);
                await SendAsync(http, format, $"desglose-{by.ToString().ToLowerInvariant()}-{Stamp(period)}", by.Label(), ReportColumns.Breakdown(data, by), rows, ct);
            })).RequireAuthorization();
    }

    private static async Task<IResult> Answer(HttpContext http, Func<Task> send)
    {
        try
        {
            await send();
            return Results.Empty;
        }
        catch (DomainException ex) when (!http.Response.HasStarted)
        {
            var forbidden = ex.Message.StartsWith("Los reportes son para", StringComparison.Ordinal);
            return Results.Problem(title: forbidden ? "Sin acceso a los reportes" : "Solicitud no válida", detail: ex.Message,
                statusCode: forbidden ? StatusCodes.Status403Forbidden : StatusCodes.Status400BadRequest);
        }
    }

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
