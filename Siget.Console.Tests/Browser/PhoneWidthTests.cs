using System.Reflection;
using Microsoft.AspNetCore.Components;
using Microsoft.Playwright;
using Siget.Console.Components.Reports;
using Siget.Console.Services.Reports;
using Siget.Core.Reports;

namespace Siget.Console.Tests.Browser;

/// <summary>
/// On a phone (390 px), every page SIGET can route to fits the screen's width: nothing scrolls the page sideways, a
/// table of up to four columns shows them all, and a wider table scrolls inside its own box (never cut off by the
/// screen's edge). The queue scrolls with the page, not in a small box of its own.
/// </summary>
[Collection(BrowserCollection.Name)]
public class PhoneWidthTests(BrowserFixture browser)
{
    private const int Phone = 390;

    /// <summary>
    /// Each route template of the app, with who opens it and the addresses that stand for it ({Number}: a ticket the
    /// person may see, found on their list). A new page fails <see cref="Every_routable_page_is_visited"/> until it is here.
    /// </summary>
    private static readonly Dictionary<string, (string? User, string[] Paths)[]> Visits = new()
    {
        ["/"] = [("tecnico1", ["/"])],
        ["/cuenta/ingresar"] = [(null, ["/cuenta/ingresar"])],
        ["/cuenta/bloqueada"] = [(null, ["/cuenta/bloqueada"])],
        ["/cuenta/acceso-denegado"] = [(null, ["/cuenta/acceso-denegado"])],
        ["/consulta"] = [(null, ["/consulta"])],
        ["/error"] = [(null, ["/error"])],
        ["/no-encontrado"] = [(null, ["/no-encontrado"])],
        ["/cola"] = [("usuario1", ["/cola"])],
        ["/cola/{Vista}"] = [("supervisor", ["/cola/todos", "/cola/mi-trabajo"]), ("tecnico1", ["/cola/mi-nivel"]), ("proveedor", ["/cola/todos"])],
        ["/tickets/nuevo"] = [("tecnico1", ["/tickets/nuevo"])],
        ["/tickets/{Number}"] = [("supervisor", ["{ticket}"]), ("usuario1", ["{ticket}"]), ("proveedor", ["{ticket}"])],
        ["/tablero"] = [("supervisor", ["/tablero"])],
        ["/portal"] = [("usuario1", ["/portal"])],
        ["/portal/nuevo"] = [("usuario1", ["/portal/nuevo"])],
        ["/conocimiento"] = [("supervisor", ["/conocimiento"]), ("usuario1", ["/conocimiento"])],
        ["/conocimiento/{Id:int}"] = [("supervisor", ["{article}"])],
        ["/conocimiento/nuevo"] = [("especialista", ["/conocimiento/nuevo"])],
        ["/conocimiento/{Id:int}/editar"] = [("especialista", ["{article}/editar"])],
        ["/problemas"] = [("supervisor", ["/problemas"])],
        ["/problemas/{Number}"] = [("supervisor", ["/problemas/PRB-{year}-0001"])],
        ["/reportes"] = [("supervisor", ["/reportes", "{quarter-dashboard}"]), ("proveedor", ["/reportes"])],
        ["/reportes/tickets"] = [("supervisor", ["{quarter-tickets}"])],
        ["/reportes/informe-mensual"] = [("supervisor", ["/reportes/informe-mensual", "{last-month-report}"]), ("proveedor", ["/reportes/informe-mensual"])],
        ["/admin/usuarios"] = [("admin", ["/admin/usuarios"])],
        ["/admin/organizacion"] = [("admin", ["/admin/organizacion"])],
        ["/admin/catalogo"] = [("admin", ["/admin/catalogo"])],
        ["/admin/configuracion"] = [("admin", ["/admin/configuracion"])],
        ["/admin/integraciones"] = [("admin", ["/admin/integraciones"])],
        ["/admin/auditoria"] = [("admin", ["/admin/auditoria"])],
        ["/correo-entrante"] = [("tecnico1", ["/correo-entrante"])],
        ["/admin/correo"] = [("admin", ["/admin/correo"])],
        ["/cuenta/avisos"] = [("usuario1", ["/cuenta/avisos"])],
    };

    [Fact]
    public void Every_routable_page_is_visited()
    {
        var routes = typeof(Siget.Console.Components.App).Assembly.GetTypes()
            .SelectMany(t => t.GetCustomAttributes<RouteAttribute>()).Select(r => r.Template).ToHashSet();
        Visits.Keys.Should().BeEquivalentTo(routes);
    }

    [Fact]
    public async Task No_page_scrolls_sideways_on_a_phone_and_its_tables_fit_or_scroll_in_their_own_box()
    {
        var problems = new List<string>();
        // {ticket} of usuario1 is taken from her list of tickets in progress, which the demo may leave empty at some hours.
        await browser.RegisterOpenTicketAsync("usuario1", $"Ancho de teléfono {Guid.NewGuid().ToString("N")[..6]}");
        foreach (var group in Visits.Values.SelectMany(v => v).GroupBy(v => v.User))
        {
            var page = group.Key is null ? await browser.NewPageAsync(Phone) : await browser.SignedInPageAsync(group.Key, Phone);
            try
            {
                foreach (var template in group.SelectMany(v => v.Paths))
                {
                    string path;
                    try { path = await ResolveAsync(page, group.Key, template); }
                    catch (TimeoutException ex) { throw new TimeoutException($"{group.Key ?? "anónimo"} {template}: {ex.Message}", ex); }
                    await OpenAsync(page, path, signedIn: group.Key is not null);
                    var found = await page.EvaluateAsync<string[]>(LayoutProblems);
                    problems.AddRange(found.Select(p => $"{group.Key ?? "anónimo"} {path}: {p}"));
                }
            }
            finally { await page.Context.CloseAsync(); }
        }
        problems.Should().BeEmpty("on a phone:\n" + string.Join("\n", problems.Distinct()));
    }

    [Fact]
    public async Task On_a_phone_the_queue_scrolls_with_the_page_down_to_its_last_ticket()
    {
        var page = await browser.SignedInPageAsync("supervisor", Phone);
        try
        {
            await OpenAsync(page, "/cola/todos", signedIn: true);
            var total = int.Parse((await page.Locator("#cola-total").InnerTextAsync()).Split(' ')[0]);
            total.Should().BeGreaterThan(5, "the demo queue is longer than a phone's screen");
            var box = page.Locator(".queue-table-wrap");
            (await box.EvaluateAsync<bool>("b => b.scrollHeight > b.clientHeight + 1")).Should().BeFalse("the list is not a box that scrolls on its own");

            // Scrolling the page brings the rest of the list, down to its last ticket (the list renders what is in view).
            var shown = new HashSet<string>();
            for (var i = 0; i < 60 && shown.Count < total; i++)
            {
                foreach (var number in await page.Locator("tr.queue-row a.queue-number").AllInnerTextsAsync()) shown.Add(number);
                await page.Mouse.WheelAsync(0, 600);
                await page.WaitForFunctionAsync("() => !document.querySelector('.queue-placeholder')");
            }
            shown.Should().HaveCount(total);
        }
        finally { await page.Context.CloseAsync(); }
    }

    /// <summary>Goes to a page and waits until what it loads after the first paint is there.</summary>
    private async Task OpenAsync(IPage page, string path, bool signedIn)
    {
        await page.GotoAsync(browser.BaseUrl + path);
        if (signedIn && await page.Locator("[data-interactive]").CountAsync() > 0) await BrowserFixture.WaitForCircuitAsync(page);
        await page.WaitForFunctionAsync(
            "() => !document.querySelector('.mud-progress-linear, .queue-placeholder') && !/Cargando|Calculando|Preparando/.test(document.body.innerText)");
    }

    /// <summary>Turns the placeholders of <see cref="Visits"/> into addresses.</summary>
    private async Task<string> ResolveAsync(IPage page, string? user, string template)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(-5)); // Lima
        var lastMonth = today.AddMonths(-1);
        switch (template)
        {
            case "{ticket}":
                // Every state: whether the demo's own tickets are still open depends on the day it was seeded.
                await OpenAsync(page, user == "usuario1" ? "/portal" : "/cola/todos?estado=todos", signedIn: true);
                return "/" + await page.Locator("a[href^='tickets/2']").First.GetAttributeAsync("href");
            case "{article}" or "{article}/editar":
                await OpenAsync(page, "/conocimiento", signedIn: true);
                return "/" + await page.Locator("a.kb-list-title").First.GetAttributeAsync("href") + template["{article}".Length..];
            case "{quarter-dashboard}":
                return "/" + ReportLink.To(ReportLink.Dashboard, new ReportPeriod(today.AddDays(-89), today));
            case "{quarter-tickets}":
                return "/" + ReportLink.To(ReportLink.Tickets, new ReportPeriod(today.AddDays(-89), today), ReportSet.Recibidos);
            case "{last-month-report}":
                return "/" + ReportLink.To(ReportLink.MonthlyReport, ReportPeriod.Month(lastMonth.Year, lastMonth.Month));
            default:
                return template.Replace("{year}", today.Year.ToString());
        }
    }

    /// <summary>
    /// What a person on a phone would stumble on: the page wider than the screen (with the elements that stick out),
    /// a table of up to four columns that does not show them all, a wider table that runs off the screen instead of
    /// scrolling in a box of its own.
    /// </summary>
    private const string LayoutProblems = """
        () => {
          const problems = [];
          const doc = document.scrollingElement, width = doc.clientWidth;
          const name = e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (typeof e.className === 'string' && e.className ? '.' + e.className.trim().split(/\s+/).slice(0, 3).join('.') : '');
          const scrollsSideways = e => ['auto', 'scroll'].includes(getComputedStyle(e).overflowX);
          const boxOf = e => { for (let a = e.parentElement; a && a !== document.body; a = a.parentElement) if (scrollsSideways(a)) return a; return null; };
          if (doc.scrollWidth > width) {
            const out = [...document.body.querySelectorAll('*')]
              .filter(e => e.getBoundingClientRect().right > width + 0.5 && e.getClientRects().length && !boxOf(e))
              .map(name).slice(0, 4);
            problems.push(`la página mide ${doc.scrollWidth} px de ancho en una pantalla de ${width} px (${out.join(', ')})`);
          }
          for (const table of document.querySelectorAll('table')) {
            if (!table.getClientRects().length || table.closest('.d-none') || getComputedStyle(table).display !== 'table') continue;
            const head = table.querySelector('tr');
            const columns = head ? [...head.children].reduce((n, c) => n + (c.colSpan || 1), 0) : 0;
            const box = boxOf(table);
            const shown = box ? Math.min(box.getBoundingClientRect().right, width) : width;
            const cut = table.getBoundingClientRect().right > shown + 0.5 || (box && box.scrollWidth > box.clientWidth + 0.5);
            if (columns <= 4 && cut) problems.push(`la tabla ${name(table)} de ${columns} columnas no se ve entera`);
            if (box && box.getBoundingClientRect().right > width + 0.5) problems.push(`la caja de la tabla ${name(table)} se sale de la pantalla`);
            if (!box && table.getBoundingClientRect().right > width + 0.5) problems.push(`la tabla ${name(table)} se sale de la pantalla sin caja propia`);
          }
          return problems;
        }
        """;
}
