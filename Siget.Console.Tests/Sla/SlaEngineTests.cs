using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Siget.Console.Live;
using Siget.Console.Services.Administration;
using Siget.Console.Services.Sla;
using Siget.Console.Services.Tickets;
using Siget.Console.Tests.Infrastructure;
using Siget.Core.Access;
using Siget.Core.Escalation;
using Siget.Core.Notifications;
using Siget.Core.Priorities;
using Siget.Core.Sla;
using Siget.Core.Tickets;

namespace Siget.Console.Tests.Sla;

/// <summary>
/// The SLA engine over a real database with a fake clock that starts on Friday 2026-11-27 at 17:00 in Lima, half an
/// hour before the end of the working day. A high-priority ticket (1 h to respond, 4 h to resolve) registered then is
/// due on Monday: first response 09:00, resolution 12:00; its warnings fall at 08:45 and 11:00.
/// </summary>
public sealed class SlaEngineTests : IAsyncLifetime
{
    private static readonly DateTimeOffset FridayFivePm = Lima(2026, 11, 27, 17, 0);
    private readonly SigetAppFactory _app = new(now: FridayFivePm);
    private Actor _technician = default!;
    private Actor _supervisor = default!;
    private Actor _requester = default!;

    private static DateTimeOffset Lima(int y, int m, int d, int h, int min) => new(y, m, d, h, min, 0, TimeSpan.FromHours(-5));

    public async Task InitializeAsync()
    {
        _ = _app.Services;
        _technician = await _app.AddPersonAsync("tecnico1", Role.Tecnico, "Luis Mendoza Ríos");
        _supervisor = await _app.AddPersonAsync("supervisor", Role.Supervisor, "Carmen Quispe Huamán");
        var unit = await _app.AddUnitAsync("Unidad de Administración");
        _requester = await _app.AddPersonAsync("usuario1", Role.Usuario, "María Flores Condori", unit.Id, Classification.Especialista);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private SlaEngine Engine => _app.Service<SlaEngine>();

    /// <summary>A separate engine over the same database: what a restarted server (or a second process) would run.</summary>
    private SlaEngine FreshEngine(int batchSize = 100) => ActivatorUtilities.CreateInstance<SlaEngine>(_app.Services,
        Options.Create(new SlaEngineOptions { BatchSize = batchSize, IntervalSeconds = 0 }));

    private Task<Ticket> RegisterHighAsync(string subject = "Sin internet en toda la unidad") =>
        _app.Service<TicketRegistration>().RegisterAsync(_technician, HelpDeskFixture.Phoned(_requester, OperatingImpact.Total, false, subject));

    private void MoveTo(DateTimeOffset lima) => _app.Clock.SetUtcNow(lima.ToUniversalTime());

    private async Task<Ticket> StoredAsync(int id)
    {
        await using var db = _app.CreateDbContext();
        return await db.Tickets.AsNoTracking().Include(t => t.History).SingleAsync(t => t.Id == id);
    }

    private async Task<List<Notification>> NotificationsAsync(Actor person)
    {
        await using var db = _app.CreateDbContext();
        return await db.Notifications.AsNoTracking().Where(n => n.RecipientId == person.UserId).OrderBy(n => n.Id).ToListAsync();
    }

    [Fact]
    public async Task A_high_priority_ticket_registered_on_Friday_at_17_00_is_due_on_Monday_and_nothing_is_told_over_the_weekend()
    {
        var ticket = await RegisterHighAsync();

        ticket.Priority.Should().Be(Priority.Alta);
        ticket.FirstResponseDueUtc.Should().Be(Lima(2026, 11, 30, 9, 0).UtcDateTime);
        ticket.ResolutionDueUtc.Should().Be(Lima(2026, 11, 30, 12, 0).UtcDateTime);

        MoveTo(Lima(2026, 11, 29, 23, 0)); // Sunday night: no business time has passed
        var pass = await Engine.RunOnceAsync();

        pass.Reviewed.Should().Be(0);
        (await NotificationsAsync(_supervisor)).Should().BeEmpty();
    }

    [Fact]
    public async Task At_75_percent_of_the_first_response_target_the_assignee_and_the_supervisors_are_warned_once()
    {
        // Unassigned (a person's assignment would be the first response): the supervisors are told.
        var ticket = await RegisterHighAsync();
        MoveTo(Lima(2026, 11, 30, 8, 44));
        (await Engine.RunOnceAsync()).Alerts.Should().Be(0, "at 08:44 only 74 % of the hour has passed");

        MoveTo(Lima(2026, 11, 30, 8, 45));
        var pass = await Engine.RunOnceAsync();
        var again = await Engine.RunOnceAsync();

        pass.Alerts.Should().Be(1);
        again.Alerts.Should().Be(0, "a warning is told once");
        var told = await NotificationsAsync(_supervisor);
        told.Should().ContainSingle().Which.Should().Match<Notification>(n =>
            n.Kind == NotificationKind.AdvertenciaSla && n.TicketId == ticket.Id && n.Text.Contains("75 %") && n.Text.Contains("primera respuesta"));
        (await StoredAsync(ticket.Id)).SlaMarks.Should().Be(SlaMarks.ResponseWarned);
    }

    [Fact]
    public async Task The_resolution_warning_goes_to_the_assignee_too()
    {
        var ticket = await RegisterHighAsync();
        await _app.Service<TicketCommands>().TakeAsync(_technician, ticket.Id, ticket.Version);

        MoveTo(Lima(2026, 11, 30, 11, 0));
        await Engine.RunOnceAsync();

        (await NotificationsAsync(_technician)).Should().ContainSingle(n => n.Kind == NotificationKind.AdvertenciaSla && n.Text.Contains("resolución"));
        (await NotificationsAsync(_supervisor)).Should().ContainSingle(n => n.Kind == NotificationKind.AdvertenciaSla);
    }

    [Fact]
    public async Task At_the_resolution_breach_without_progress_Sistema_escalates_to_Nivel_2_with_the_no_progress_criterion()
    {
        var ticket = await RegisterHighAsync();
        var taken = await _app.Service<TicketCommands>().TakeAsync(_technician, ticket.Id, ticket.Version); // Friday 17:00
        var heard = new List<TicketChanged>();
        using var _ = _app.Service<TicketFeed>().Subscribe(_supervisor, c => { lock (heard) heard.Add(c); return Task.CompletedTask; });

        MoveTo(Lima(2026, 11, 30, 12, 0));
        var pass = await Engine.RunOnceAsync();

        pass.Escalated.Should().Be(1);
        var stored = await StoredAsync(ticket.Id);
        stored.Level.Should().Be(SupportLevel.Nivel2);
        stored.State.Should().Be(TicketState.EnCola);
        stored.Version.Should().Be(taken.Version + 1);
        var entry = stored.History.OrderBy(h => h.Id).Last();
        entry.Action.Should().Be(TicketAction.Escalar);
        entry.ActorName.Should().Be("Sistema");
        entry.CriterionCode.Should().Be(EscalationMatrix.NoProgressCriterionCode);
        entry.Reason.Should().Contain("Se superó el tiempo estándar de resolución sin avance significativo");
        (entry.FromLevel, entry.ToLevel).Should().Be((SupportLevel.Nivel1, SupportLevel.Nivel2));

        (await NotificationsAsync(_technician)).Should().Contain(n => n.Kind == NotificationKind.Escalamiento && n.Text.Contains("automáticamente"));
        (await NotificationsAsync(_supervisor)).Should().Contain(n => n.Kind == NotificationKind.VencimientoSla)
            .And.Contain(n => n.Kind == NotificationKind.Escalamiento);
        (await NotificationsAsync(_requester)).Should().Contain(n => n.Kind == NotificationKind.CambioDeEstado);
        await WaitUntil(() => { lock (heard) return heard.Any(c => c.TicketId == ticket.Id && c.Action == TicketAction.Escalar && c.ActorId == Actor.System.UserId); });
    }

    [Fact]
    public async Task A_public_reply_after_the_first_response_due_time_is_progress_so_the_breach_is_told_but_not_escalated()
    {
        var ticket = await RegisterHighAsync();
        await _app.Service<TicketCommands>().TakeAsync(_technician, ticket.Id, ticket.Version);
        MoveTo(Lima(2026, 11, 30, 10, 30));
        await _app.Service<TicketConversation>().ReplyAsync(_technician, ticket.Id, "Estamos revisando el router de la unidad.", isInternal: false);

        MoveTo(Lima(2026, 11, 30, 12, 5));
        var pass = await Engine.RunOnceAsync();

        pass.Escalated.Should().Be(0);
        var stored = await StoredAsync(ticket.Id);
        stored.Level.Should().Be(SupportLevel.Nivel1);
        stored.AssigneeId.Should().Be(_technician.UserId);
        stored.SlaMarks.Should().HaveFlag(SlaMarks.ResolutionBreached);
        (await NotificationsAsync(_supervisor)).Should().ContainSingle(n => n.Kind == NotificationKind.VencimientoSla);
    }

    [Fact]
    public async Task After_a_restart_the_engine_neither_escalates_nor_notifies_again()
    {
        var ticket = await RegisterHighAsync();
        MoveTo(Lima(2026, 11, 30, 12, 0));
        await Engine.RunOnceAsync();
        var toldBefore = (await NotificationsAsync(_supervisor)).Count;
        var historyBefore = (await StoredAsync(ticket.Id)).History.Count;

        MoveTo(Lima(2026, 11, 30, 12, 1));
        var afterRestart = await FreshEngine().RunOnceAsync();

        afterRestart.Alerts.Should().Be(0);
        afterRestart.Escalated.Should().Be(0);
        (await NotificationsAsync(_supervisor)).Should().HaveCount(toldBefore);
        (await StoredAsync(ticket.Id)).History.Should().HaveCount(historyBefore);
    }

    [Fact]
    public async Task Two_overlapping_passes_of_two_engines_tell_each_warning_once_and_escalate_once()
    {
        var friday = await RegisterHighAsync("Vence sin avance");
        MoveTo(Lima(2026, 11, 30, 8, 0));
        var monday = await RegisterHighAsync("Registrado el lunes"); // before the working day: due 09:30 and 12:30
        MoveTo(Lima(2026, 11, 30, 12, 0)); // Friday's ticket reaches its resolution due time; Monday's is past its first response

        var passes = await Task.WhenAll(FreshEngine().RunOnceAsync(), FreshEngine().RunOnceAsync(), Engine.RunOnceAsync());

        passes.Sum(p => p.Escalated).Should().Be(1, "only Friday's ticket reached its resolution due time");
        (await StoredAsync(friday.Id)).History.Count(h => h.Action == TicketAction.Escalar).Should().Be(1);
        (await StoredAsync(monday.Id)).Level.Should().Be(SupportLevel.Nivel1);
        var told = await NotificationsAsync(_supervisor);
        told.GroupBy(n => (n.TicketId, n.Kind)).Should().OnlyContain(g => g.Count() == 1, "no alert is told twice");
        told.Should().Contain(n => n.TicketId == monday.Id && n.Kind == NotificationKind.VencimientoSla)
            .And.Contain(n => n.TicketId == monday.Id && n.Kind == NotificationKind.AdvertenciaSla, "75 % of its resolution time passed at 11:30");
    }

    [Fact]
    public async Task A_clock_jump_past_both_points_tells_only_the_breach()
    {
        var ticket = await RegisterHighAsync();

        MoveTo(Lima(2026, 12, 2, 9, 0)); // Wednesday: everything is long overdue
        await Engine.RunOnceAsync();

        var told = (await NotificationsAsync(_supervisor)).Where(n => n.TicketId == ticket.Id).ToList();
        told.Should().NotContain(n => n.Kind == NotificationKind.AdvertenciaSla);
        told.Should().ContainSingle(n => n.Kind == NotificationKind.VencimientoSla, "both clocks are breached, told in one message")
            .Which.Text.Should().Contain("primera respuesta").And.Contain("resolución");
        (await StoredAsync(ticket.Id)).Level.Should().Be(SupportLevel.Nivel2);
    }

    [Fact]
    public async Task Many_overdue_tickets_are_reviewed_in_bounded_batches_and_all_of_them_escalate()
    {
        var tickets = new List<Ticket>();
        for (var i = 0; i < 7; i++) tickets.Add(await RegisterHighAsync($"Lote {i}"));

        MoveTo(Lima(2026, 11, 30, 12, 0));
        var pass = await FreshEngine(batchSize: 3).RunOnceAsync();

        pass.Reviewed.Should().Be(7);
        pass.Escalated.Should().Be(7);
        foreach (var t in tickets) (await StoredAsync(t.Id)).Level.Should().Be(SupportLevel.Nivel2);
    }

    [Fact]
    public async Task The_ticket_page_clock_and_the_engine_agree_on_the_business_time_used()
    {
        var ticket = await RegisterHighAsync();
        MoveTo(Lima(2026, 11, 30, 8, 45));

        var progress = _app.Service<SlaPolicy>().Progress(ticket.RegisteredAtUtc, ticket.FirstResponseDueUtc, _app.Clock.GetUtcNow().UtcDateTime);
        await Engine.RunOnceAsync();

        progress.Used.Should().Be(TimeSpan.FromMinutes(45), "30 minutes on Friday and 15 on Monday morning");
        progress.Share.Should().Be(SlaPolicy.WarningShare);
        (await StoredAsync(ticket.Id)).SlaMarks.Should().HaveFlag(SlaMarks.ResponseWarned, "the engine warns exactly when the page shows 75 %");
    }

    [Fact]
    public async Task A_resolved_ticket_the_requester_leaves_unanswered_three_business_days_is_finalised_by_Sistema()
    {
        MoveTo(Lima(2026, 11, 30, 10, 0)); // Monday
        var ticket = await RegisterHighAsync();
        var commands = _app.Service<TicketCommands>();
        ticket = await commands.TakeAsync(_technician, ticket.Id, ticket.Version);
        ticket = await commands.ResolveAsync(_technician, ticket.Id, ticket.Version, "Se reinició el router de la unidad.");

        MoveTo(Lima(2026, 12, 3, 9, 59)); // Thursday 09:59: a minute short of three working days
        (await Engine.RunOnceAsync()).AutoFinalized.Should().Be(0);
        MoveTo(Lima(2026, 12, 3, 10, 0));
        (await Engine.RunOnceAsync()).AutoFinalized.Should().Be(1);
        (await Engine.RunOnceAsync()).AutoFinalized.Should().Be(0, "it is closed once");

        var stored = await StoredAsync(ticket.Id);
        stored.State.Should().Be(TicketState.Finalizado);
        stored.SatisfactionRating.Should().BeNull();
        var entry = stored.History.OrderBy(h => h.Id).Last();
        (entry.Action, entry.ActorName).Should().Be((TicketAction.Finalizar, "Sistema"));
        entry.Reason.Should().Be("Finalizado automáticamente: el usuario no respondió en 3 días hábiles desde la solución.");
        (await NotificationsAsync(_requester)).Should().Contain(n => n.TicketId == ticket.Id && n.Kind == NotificationKind.CambioDeEstado && n.Text.Contains("Finalizado"));
    }

    [Fact]
    public async Task With_one_business_day_to_answer_the_closing_note_says_one_day_in_the_singular()
    {
        var admin = await _app.AddPersonAsync("admin", Role.Administrador, "Elena Vargas Soto");
        var store = _app.Service<SettingsStore>();
        var settings = store.Current;
        settings.AutoFinalizeBusinessDays = 1;
        await store.SaveAsync(admin, settings);
        MoveTo(Lima(2026, 11, 30, 10, 0)); // Monday
        var ticket = await RegisterHighAsync();
        var commands = _app.Service<TicketCommands>();
        ticket = await commands.TakeAsync(_technician, ticket.Id, ticket.Version);
        ticket = await commands.ResolveAsync(_technician, ticket.Id, ticket.Version, "Se reinició el router de la unidad.");

        MoveTo(Lima(2026, 12, 1, 10, 0));
        (await Engine.RunOnceAsync()).AutoFinalized.Should().Be(1);

        var entry = (await StoredAsync(ticket.Id)).History.OrderBy(h => h.Id).Last();
        entry.Reason.Should().Be("Finalizado automáticamente: el usuario no respondió en 1 día hábil desde la solución.");
    }

    [Fact]
    public async Task With_an_interval_configured_the_engine_runs_by_itself_as_time_passes()
    {
        await using var app = new SigetAppFactory(now: FridayFivePm, settings: new Dictionary<string, string> { ["Sla:Motor:IntervalSeconds"] = "60" });
        _ = app.Services;
        var technician = await app.AddPersonAsync("tecnico1", Role.Tecnico, "Luis Mendoza Ríos");
        var requester = await app.AddPersonAsync("usuario1", Role.Usuario, "María Flores Condori");
        var ticket = await app.Service<TicketRegistration>().RegisterAsync(technician, HelpDeskFixture.Phoned(requester));

        app.Clock.SetUtcNow(Lima(2026, 11, 30, 12, 0).ToUniversalTime());
        app.Clock.Advance(TimeSpan.FromSeconds(60)); // the engine's next tick

        for (var i = 0; i < 100; i++)
        {
            await using var db = app.CreateDbContext();
            if (await db.Tickets.AnyAsync(t => t.Id == ticket.Id && t.Level == SupportLevel.Nivel2)) return;
            await Task.Delay(50);
        }
        Assert.Fail("The engine did not escalate the overdue ticket on its own.");
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        for (var i = 0; i < 100 && !condition(); i++) await Task.Delay(20);
        condition().Should().BeTrue();
    }
}
