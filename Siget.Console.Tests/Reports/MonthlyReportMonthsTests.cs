using System.Net;
using System.Text.RegularExpressions;
using Siget.Console.Tests.Infrastructure;

namespace Siget.Console.Tests.Reports;

/// <summary>
/// The monthly report is offered for months that have begun: its links to the next month stop at the current one
/// (1 December 2026 on the report desk's clock), and a month typed into the address that has not begun says so.
/// </summary>
public partial class MonthlyReportMonthsTests(ReportDesk desk) : IClassFixture<ReportDesk>
{
    private async Task<string> PageAsync(string url)
    {
        var (client, _) = await desk.Desk.App.SignInAsync("supervisor");
        var response = await client.GetAsync(url);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    /// <summary>The months the page links a monthly report for, as yyyy-MM.</summary>
    private static List<string> MonthlyReportLinks(string html) =>
        MonthlyReportLink().Matches(html).Select(m => m.Groups[1].Value).Distinct().Order().ToList();

    [Fact]
    public async Task The_report_of_the_current_month_links_the_month_before_and_none_after()
    {
        var html = await PageAsync("/reportes/informe-mensual?desde=2026-12-01&hasta=2026-12-31");

        MonthlyReportLinks(html).Should().Equal("2026-11");
        html.Should().Contain("← noviembre de 2026").And.NotContain("enero de 2027");
    }

    [Fact]
    public async Task The_report_of_a_past_month_links_the_months_on_either_side()
    {
        var html = await PageAsync("/reportes/informe-mensual?desde=2026-11-01&hasta=2026-11-30");

        MonthlyReportLinks(html).Should().Equal("2026-10", "2026-12");
    }

    [Fact]
    public async Task A_month_that_has_not_begun_says_so_and_offers_the_current_one()
    {
        var html = await PageAsync("/reportes/informe-mensual?desde=2027-01-01&hasta=2027-01-31");

        html.Should().Contain("Enero de 2027 aún no ha comenzado: no hay informe de un mes futuro.");
        html.Should().NotContain("Informe mensual del servicio de soporte", "there is no report to show");
        MonthlyReportLinks(html).Should().Equal("2026-12");
    }

    [Fact]
    public async Task The_dashboard_offers_the_monthly_report_only_for_a_month_that_has_begun()
    {
        var html = await PageAsync("/reportes?desde=2026-11-15&hasta=2027-01-15");

        MonthlyReportLinks(html).Should().Equal("2026-12");
    }

    [GeneratedRegex(@"href=""reportes/informe-mensual\?desde=(\d{4}-\d{2})-01")]
    private static partial Regex MonthlyReportLink();
}
