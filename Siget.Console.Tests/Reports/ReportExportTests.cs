using System.Net;
using System.Net.Http.Json;
using ClosedXML.Excel;
using CsvHelper;
using Microsoft.AspNetCore.Mvc;
using Siget.Console.Services.Reports;
using Siget.Console.Tests.Infrastructure;
using Siget.Core.Catalog;
using Siget.Core.Reports;

namespace Siget.Console.Tests.Reports;

/// <summary>The downloads open in Excel and in CSV readers with the screen's numbers, and only for whom may read them.</summary>
public class ReportExportTests(ReportDesk desk) : IClassFixture<ReportDesk>
{
    private const string November = "desde=2026-11-01&hasta=2026-11-30";
    private HelpDeskFixture Desk => desk.Desk;

    private async Task<HttpResponseMessage> GetAsync(string userName, string url)
    {
        var (client, _) = await Desk.App.SignInAsync(userName);
        return await client.GetAsync(url);
    }

    private static List<Dictionary<string, string>> ReadExcel(Stream content)
    {
        using var workbook = new XLWorkbook(content);
        var sheet = workbook.Worksheets.Single();
        var headers = sheet.Row(1).CellsUsed().Select(c => c.GetString()).ToList();
        return sheet.RowsUsed().Skip(1)
            .Select(row => headers.Select((h, i) => (h, row.Cell(i + 1).GetFormattedString())).ToDictionary(x => x.h, x => x.Item2))
            .ToList();
    }

    private static List<Dictionary<string, string>> ReadCsv(Stream content)
    {
        using var csv = CsvReader.Create(content);
        var rows = new List<Dictionary<string, string>>();
        while (csv.Read())
            rows.Add(csv.Headers.Select((h, i) => (h, csv.GetString(i))).ToDictionary(x => x.h, x => x.Item2));
        return rows;
    }

    [Fact]
    public async Task The_Excel_export_of_a_drill_down_opens_with_its_tickets_and_their_business_hours()
    {
        var response = await GetAsync("supervisor", $"/reportes/exportar/tickets?{November}&conjunto=Recibidos&formato=xlsx");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be(ReportExports.ExcelType);
        response.Content.Headers.ContentDisposition!.FileName.Should().Be("tickets-recibidos-20261101-20261130.xlsx");
        var rows = ReadExcel(await response.Content.ReadAsStreamAsync());
        rows.Select(r => r["Número"]).Should().BeEquivalentTo(
            [desk.Solved.Number, desk.ToVendor.Number, desk.ToOtherVendor.Number, desk.Waiting.Number]);
        var solved = rows.Single(r => r["Número"] == desk.Solved.Number);
        (solved["Resolución (h hábiles)"], solved["Canal"], solved["Estado"], solved["Resolución en plazo"]).Should().Be(("2.5", "Teléfono", "Resuelto", "Sí"));
        rows.Single(r => r["Número"] == desk.ToVendor.Number)["Empresa proveedora"].Should().Be("TecnoSoluciones Perú S.A.C.");
    }

    [Fact]
    public async Task The_CSV_export_of_a_breakdown_has_the_numbers_of_the_screen()
    {
        var reports = Desk.App.Service<ReportQueries>();
        var data = await reports.LoadAsync(Desk.Supervisor, desk.November);
        var screen = data.Report.Breakdown(data.Tickets, desk.November, data.AtUtc, ReportDimension.Canal)
            .ToDictionary(r => data.Names.Of(ReportDimension.Canal, r.Key), r => (r.Received.ToString(), r.Resolved.ToString(), r.OpenNow.ToString()));

        var response = await GetAsync("supervisor", $"/reportes/exportar/desglose?{November}&dimension=Canal&formato=csv");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.ToString().Should().Be(ReportExports.CsvType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        bytes.Take(3).Should().Equal([0xEF, 0xBB, 0xBF], "a byte-order mark, so Excel reads the accents");
        var file = ReadCsv(new MemoryStream(bytes)).ToDictionary(r => r["Canal"], r => (r["Recibidos"], r["Resueltos"], r["Abiertos ahora"]));
        file.Should().Equal(screen);
        file[Channel.Telefono.Label()].Should().Be(("3", "1", "2"));
        file[Channel.Intranet.Label()].Should().Be(("1", "0", "1"));
    }

    [Fact]
    public async Task A_vendor_s_export_lists_only_its_company_s_tickets()
    {
        var response = await GetAsync("proveedor", $"/reportes/exportar/tickets?{November}&conjunto=Recibidos&formato=csv");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        ReadCsv(await response.Content.ReadAsStreamAsync()).Select(r => r["Número"]).Should().Equal(desk.ToVendor.Number);
    }

    [Fact]
    public async Task Requesters_are_refused_and_bad_parameters_explained_in_Spanish_as_problem_details()
    {
        var refused = await GetAsync("usuario1", $"/reportes/exportar/tickets?{November}&formato=xlsx");
        var badDate = await GetAsync("supervisor", "/reportes/exportar/tickets?desde=2026-13-01&hasta=2026-11-30");
        var badFormat = await GetAsync("supervisor", $"/reportes/exportar/desglose?{November}&dimension=Canal&formato=pdf");
        var badSet = await GetAsync("supervisor", $"/reportes/exportar/tickets?{November}&conjunto=Todos");

        refused.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await refused.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail.Should()
            .Be("Los reportes son para el Ejecutivo de la UTI, el administrador y las empresas proveedoras.");
        badDate.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await badDate.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail.Should().Be("La fecha inicial del periodo no es válida; use el formato aaaa-mm-dd.");
        (await badFormat.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail.Should().Be("El formato debe ser csv o xlsx.");
        (await badSet.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail.Should().Be("El conjunto de tickets no existe.");
    }

    [Fact]
    public async Task A_vendor_asking_for_a_breakdown_by_person_and_a_visitor_who_is_not_signed_in_are_refused()
    {
        var byPerson = await GetAsync("proveedor", $"/reportes/exportar/desglose?{November}&dimension=Persona&formato=csv");
        var technician = await GetAsync("tecnico1", $"/reportes/exportar/desglose?{November}&dimension=Canal");
        var anonymous = await Desk.App.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false })
            .GetAsync("/reportes");

        byPerson.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await byPerson.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail.Should().Be("El desglose por persona asignada es solo para el Ejecutivo de la UTI y el administrador.");
        technician.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        anonymous.StatusCode.Should().Be(HttpStatusCode.Redirect);
        anonymous.Headers.Location!.ToString().Should().Contain("/cuenta/ingresar");
    }

    [Fact]
    public void Text_that_looks_like_a_number_a_date_or_a_formula_stays_text_in_Excel()
    {
        string[] texts = ["00123", "2026-01-01", "=1+1", "1,5"];

        var workbook = new XLWorkbook(new MemoryStream(ReportExports.Excel("Hoja", [new ReportColumn<string>("Texto", t => t)], texts, CancellationToken.None)));

        var cells = workbook.Worksheets.Single().Column(1).CellsUsed().Skip(1).ToList();
        cells.Select(c => c.GetString()).Should().Equal(texts);
        cells.Should().OnlyContain(c => c.DataType == XLDataType.Text && !c.HasFormula);
    }
}
