using Microsoft.EntityFrameworkCore;
using Siget.Console.Live;
using Siget.Console.Services.Problems;
using Siget.Console.Tests.Infrastructure;
using Siget.Core;
using Siget.Core.Escalation;
using Siget.Core.Notifications;
using Siget.Core.Problems;
using Siget.Core.Tickets;

namespace Siget.Console.Tests.Problems;

/// <summary>Problems through the real services over a real database: both histories, one transaction, access and live events.</summary>
public class ProblemCommandsTests(HelpDeskFixture f) : IClassFixture<HelpDeskFixture>
{
    private ProblemCommands Commands => f.App.Service<ProblemCommands>();
    private ProblemQueries Queries => f.App.Service<ProblemQueries>();

    private Task<Problem> OpenAsync(string tag, params int[] incidents) =>
        Commands.RegisterAsync(f.Supervisor, new NewProblem($"Cortes de red {tag}", "Cortes intermitentes en la sede.", 15, f.AdministrationUnitId), incidents);

    [Fact]
    public async Task Opening_a_problem_with_incidents_links_them_with_an_entry_on_each_side_and_tells_the_screens()
    {
        var tag = HelpDeskFixture.NewTag();
        var first = await f.RegisterAsync($"Sin red {tag}");
        var second = await f.TakenAsync($"Red lenta {tag}");
        var heard = new List<TicketChanged>();
        var problemsHeard = new TaskCompletionSource<ProblemChanged>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var ticketScreen = f.App.Service<TicketFeed>().Subscribe(f.Supervisor, c => { lock (heard) heard.Add(c); return Task.CompletedTask; });
        using var problemScreen = f.App.Service<ProblemFeed>().Subscribe(c => { problemsHeard.TrySetResult(c); return Task.CompletedTask; });
        var rowsBefore = (await f.HistoryAsync(second.Id)).Count;

        var problem = await OpenAsync(tag, first.Id, second.Id);

        problem.Number.Should().MatchRegex(@"^PRB-2026-\d{4}$");
        var stored = await StoredAsync(problem.Id);
        stored.History.Select(h => (h.Action, h.TicketNumber)).Should().BeEquivalentTo(new[]
        {
            (ProblemAction.Registrar, (string?)null), (ProblemAction.VincularIncidente, first.Number), (ProblemAction.VincularIncidente, second.Number),
        });
        var row = await f.SingleNewHistoryRowAsync(second.Id, rowsBefore);
        row.Action.Should().Be(TicketAction.VincularProblema);
        row.ActorId.Should().Be(f.Supervisor.UserId);
        row.Reason.Should().Be($"{problem.Number} · Cortes de red {tag}");
        (await f.StoredAsync(second.Id)).Should().BeEquivalentTo(new { ProblemNumber = problem.Number, State = TicketState.EnProceso, second.AssigneeId });

        (await problemsHeard.Task.WaitAsync(TimeSpan.FromSeconds(10))).Should().BeEquivalentTo(new { ProblemId = problem.Id, Action = ProblemAction.Registrar });
        await f.App.Service<TicketFeed>().HandedOverAsync();
        lock (heard) heard.Where(c => c.Action == TicketAction.VincularProblema).Select(c => c.TicketId).Should().BeEquivalentTo([first.Id, second.Id]);

        var listed = (await Queries.ListAsync(f.Technician, [], tag, 0)).Rows.Should().ContainSingle().Subject;
        listed.Should().BeEquivalentTo(new { problem.Number, Linked = 2, OpenLinked = 2, State = ProblemState.Abierto });
    }

    [Fact]
    public async Task Resolving_resolves_the_chosen_incidents_with_its_solution_and_tells_their_requesters()
    {
        var tag = HelpDeskFixture.NewTag();
        var waiting = await f.RegisterAsync($"Sin red {tag}");
        var taken = await f.TakenAsync($"Red lenta {tag}");
        var left = await f.RegisterAsync($"Red caída {tag}");
        var problem = await OpenAsync(tag, waiting.Id, taken.Id, left.Id);

        var detail = (await Queries.GetAsync(f.Supervisor, problem.Number))!;
        detail.Incidents.Should().OnlyContain(i => i.Step != LinkedIncidentStep.Cannot);

        var heard = new List<TicketChanged>();
        using (f.App.Service<TicketFeed>().Subscribe(f.Supervisor, c => { lock (heard) heard.Add(c); return Task.CompletedTask; }))
        {
            await Commands.ResolveAsync(f.Supervisor, problem.Id, detail.Problem.Version, "Switch dañado.", "Se reemplazó el switch del piso 3.", [waiting.Id, taken.Id]);
            await f.App.Service<TicketFeed>().HandedOverAsync();
        }
        lock (heard) heard.Where(c => c.TicketId == waiting.Id).Select(c => c.Action).Should().Equal([TicketAction.Tomar, TicketAction.Resolver],
            "it was taken, then resolved: two entries, two live events");

        (await StoredAsync(problem.Id)).State.Should().Be(ProblemState.Resuelto);
        foreach (var id in new[] { waiting.Id, taken.Id })
        {
            var ticket = await f.StoredAsync(id);
            ticket.State.Should().Be(TicketState.Resuelto);
            ticket.Solution.Should().Be($"Resuelto con la solución del problema {problem.Number}: Se reemplazó el switch del piso 3.");
        }
        (await f.StoredAsync(taken.Id)).AssigneeId.Should().Be(f.Technician.UserId, "the supervisor resolved it for whoever held it");
        (await f.StoredAsync(waiting.Id)).AssigneeId.Should().Be(f.Supervisor.UserId, "it waited in the queue: the supervisor took it to resolve it");
        (await f.StoredAsync(left.Id)).State.Should().Be(TicketState.EnCola, "it was not chosen");
        await using var db = f.App.CreateDbContext();
        (await db.Notifications.Where(n => n.RecipientId == f.Requester.UserId && n.TicketId == taken.Id && n.Kind == NotificationKind.CambioDeEstado)
            .Select(n => n.Text).ToListAsync()).Should().Contain($"Su ticket {taken.Number} está ahora «Resuelto».");
    }

    [Fact]
    public async Task A_resolution_that_cannot_resolve_every_chosen_incident_writes_nothing()
    {
        var tag = HelpDeskFixture.NewTag();
        var own = await EscalatedAsync($"Propio {tag}", f.Specialist);
        var colleagues = await EscalatedAsync($"Ajeno {tag}", f.OtherSpecialist);
        var problem = await Commands.RegisterAsync(f.Specialist, new NewProblem($"Fallo {tag}", "Descripción", 15, null), [own.Id, colleagues.Id]);
        var before = (await f.FootprintAsync(own.Id), await f.FootprintAsync(colleagues.Id));

        var detail = (await Queries.GetAsync(f.Specialist, problem.Number))!;
        detail.Incidents.Single(i => i.Id == colleagues.Id).Should().BeEquivalentTo(new { Step = LinkedIncidentStep.Cannot, WhyNot = "Lo atiende Jaime Salinas Ortiz en Nivel 2 · Especialistas de TI; lo resuelve quien lo tiene." });
        var resolve = () => Commands.ResolveAsync(f.Specialist, problem.Id, detail.Problem.Version, "Causa", "Solución", [own.Id, colleagues.Id]);

        await resolve.Should().ThrowAsync<DomainException>().WithMessage($"No puede resolver el ticket {colleagues.Number}*");
        (await StoredAsync(problem.Id)).Should().BeEquivalentTo(new { State = ProblemState.Abierto, Version = detail.Problem.Version });
        ((await f.FootprintAsync(own.Id), await f.FootprintAsync(colleagues.Id))).Should().Be(before, "one transaction: the incident that could be resolved was not");
    }

    [Fact]
    public async Task Discarding_a_problem_frees_its_incidents_with_an_entry_on_each()
    {
        var tag = HelpDeskFixture.NewTag();
        var incident = await f.RegisterAsync($"Sin red {tag}");
        var problem = await OpenAsync(tag, incident.Id);

        await Commands.DiscardAsync(f.Supervisor, problem.Id, problem.Version, "Duplicado de otro problema.");

        (await f.StoredAsync(incident.Id)).ProblemNumber.Should().BeNull();
        (await f.HistoryAsync(incident.Id))[^1].Should().BeEquivalentTo(new { Action = TicketAction.DesvincularProblema, Reason = $"{problem.Number} · El problema fue descartado." });
        (await StoredAsync(problem.Id)).History.Select(h => h.Action).Should().EndWith([ProblemAction.Descartar, ProblemAction.DesvincularIncidente]);
        var again = await OpenAsync(tag + "b", incident.Id);
        (await f.StoredAsync(incident.Id)).ProblemNumber.Should().Be(again.Number, "another problem may explain it now");
    }

    [Fact]
    public async Task A_stale_screen_is_told_of_the_change_and_nothing_is_written()
    {
        var tag = HelpDeskFixture.NewTag();
        var problem = await OpenAsync(tag);
        await Commands.AssignAsync(f.Supervisor, problem.Id, problem.Version, f.Specialist.UserId);

        var stale = () => Commands.DiscardAsync(f.Supervisor, problem.Id, problem.Version, "Coincidencia.");

        await stale.Should().ThrowAsync<ProblemConflictException>();
        var stored = await StoredAsync(problem.Id);
        stored.State.Should().Be(ProblemState.EnAnalisis);
        stored.History.Should().HaveCount(2);
    }

    [Fact]
    public async Task Requesters_and_vendors_see_no_problems_and_technicians_link_only_incidents_they_see()
    {
        var tag = HelpDeskFixture.NewTag();
        var problem = await OpenAsync(tag);
        foreach (var outsider in new[] { f.Requester, f.Vendor })
        {
            await FluentActions.Invoking(() => Queries.ListAsync(outsider, [], null, 0)).Should().ThrowAsync<DomainException>().WithMessage(ProblemAccess.Refusal);
            await FluentActions.Invoking(() => Queries.GetAsync(outsider, problem.Number)).Should().ThrowAsync<DomainException>().WithMessage(ProblemAccess.Refusal);
        }
        await FluentActions.Invoking(() => Commands.RegisterAsync(f.Technician, new NewProblem("x", "y", 15, null), []))
            .Should().ThrowAsync<DomainException>().WithMessage(ProblemAccess.ManageRefusal);

        var hidden = await EscalatedAsync($"Nivel 2 {tag}", f.Specialist);
        await FluentActions.Invoking(() => Commands.LinkAsync(f.Technician, problem.Id, hidden.Id))
            .Should().ThrowAsync<DomainException>().WithMessage("No se encontró el ticket.");
        await Commands.LinkAsync(f.Supervisor, problem.Id, hidden.Id);
        var technicians = (await Queries.GetAsync(f.Technician, problem.Number))!;
        technicians.Incidents.Should().NotContain(i => i.Id == hidden.Id);
        technicians.History[^1].Should().BeEquivalentTo(new { Action = ProblemAction.VincularIncidente, TicketNumber = (string?)null, Reason = "Un incidente que usted no ve" });
        (await Queries.GetAsync(f.Supervisor, problem.Number))!.History[^1].TicketNumber.Should().Be(hidden.Number);
        var visible = await f.RegisterAsync($"Nivel 1 {tag}");
        await Commands.LinkByNumberAsync(f.Technician, problem.Id, visible.Number);
        (await f.StoredAsync(visible.Id)).ProblemNumber.Should().Be(problem.Number);
        await FluentActions.Invoking(() => Commands.LinkByNumberAsync(f.Technician, problem.Id, "123"))
            .Should().ThrowAsync<DomainException>().WithMessage("Escriba el número del ticket como aparece en él*");

        await Commands.UnlinkAsync(f.Technician, problem.Id, visible.Id, "Otra causa.");
        (await f.StoredAsync(visible.Id)).ProblemNumber.Should().BeNull();
        (await f.HistoryAsync(visible.Id)).Select(h => h.Action).Should().EndWith([TicketAction.VincularProblema, TicketAction.DesvincularProblema]);
    }

    [Fact]
    public async Task The_monthly_report_lists_the_problems_registered_or_resolved_in_the_period_for_the_uti_only()
    {
        var tag = HelpDeskFixture.NewTag();
        var incident = await f.RegisterAsync($"Sin red {tag}");
        var problem = await OpenAsync(tag, incident.Id);
        var now = f.App.Clock.GetUtcNow().UtcDateTime;
        await Commands.ResolveAsync(f.Supervisor, problem.Id, problem.Version, "Switch dañado.", "Se reemplazó el switch.", []);

        var listed = (await Queries.InPeriodAsync(f.Supervisor, now.AddDays(-1), now.AddDays(1))).Should().ContainSingle(p => p.Number == problem.Number).Subject;
        listed.Should().BeEquivalentTo(new { State = ProblemState.Resuelto, Linked = 1, RootCause = "Switch dañado.", Solution = "Se reemplazó el switch." });
        (await Queries.InPeriodAsync(f.Supervisor, now.AddDays(1), now.AddDays(2))).Should().NotContain(p => p.Number == problem.Number);
        await FluentActions.Invoking(() => Queries.InPeriodAsync(f.Vendor, now.AddDays(-1), now)).Should().ThrowAsync<DomainException>();
    }

    /// <summary>A ticket at level 2, taken by <paramref name="specialist"/>.</summary>
    private async Task<Ticket> EscalatedAsync(string subject, Siget.Core.Access.Actor specialist)
    {
        var ticket = await f.TakenAsync(subject);
        ticket = await f.Commands.EscalateAsync(f.Technician, ticket.Id, ticket.Version, "N1-RECURSOS", "Requiere especialista", null);
        return await f.Commands.TakeAsync(specialist, ticket.Id, ticket.Version);
    }

    private async Task<Problem> StoredAsync(int id)
    {
        await using var db = f.App.CreateDbContext();
        return await db.Problems.AsNoTracking().Include(p => p.History.OrderBy(h => h.Id)).SingleAsync(p => p.Id == id);
    }
}
