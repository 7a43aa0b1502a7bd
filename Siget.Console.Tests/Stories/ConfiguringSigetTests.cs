using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Siget.Console.Services.Administration;
using Siget.Console.Services.Tickets;
using Siget.Console.Tests.Infrastructure;
using Siget.Core;
using Siget.Core.Access;
using Siget.Core.Tickets;

namespace Siget.Console.Tests.Stories;

/// <summary>Administrators change SLA targets, the calendar, auto-finalisation and automatic assignment at run time.
/// Each test has its own app: settings apply to everyone.</summary>
public sealed class ConfiguringSigetTests : IAsyncLifetime
{
    // Wednesday 2026-11-25 10:00 in Lima.
    private readonly SigetAppFactory _app = new();
    private Actor _admin = default!, _technician = default!, _requester = default!;

    public async Task InitializeAsync()
    {
        _ = _app.Services;
        _admin = await _app.AddPersonAsync("admin", Role.Administrador, "Administrador del Sistema");
        _technician = await _app.AddPersonAsync("tecnico1", Role.Tecnico, "Luis Mendoza Ríos");
        _requester = await _app.AddPersonAsync("usuario1", Role.Usuario, "María Flores Condori");
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private SettingsStore Store => _app.Service<SettingsStore>();

    private Task<Ticket> RegisterAltaAsync() => _app.Service<TicketRegistration>().RegisterAsync(_technician, HelpDeskFixture.Phoned(_requester));

    private static DateTime Lima(int m, int d, int h, int min = 0) => new DateTimeOffset(2026, m, d, h, min, 0, TimeSpan.FromHours(-5)).UtcDateTime;

    [Fact]
    public async Task New_targets_apply_to_the_next_ticket_and_the_change_is_audited()
    {
        var before = await RegisterAltaAsync();
        var settings = Store.Current;
        settings.Sla.Alta.FirstResponse = 2;
        settings.Sla.Alta.Resolution = 8;

        await Store.SaveAsync(_admin, settings);
        var after = await RegisterAltaAsync();

        (before.FirstResponseDueUtc, before.ResolutionDueUtc).Should().Be((Lima(11, 25, 11), Lima(11, 25, 14)));
        (after.FirstResponseDueUtc, after.ResolutionDueUtc).Should().Be((Lima(11, 25, 12), Lima(11, 26, 9)), "7.5 working hours on Wednesday, the last half hour on Thursday");
        await using var db = _app.CreateDbContext();
        var audit = await db.AuditEntries.AsNoTracking().SingleAsync(a => a.Action == "Configuración modificada");
        audit.ActorName.Should().Be("Administrador del Sistema");
        audit.Before.Should().Contain("\"Resolution\":4");
        audit.After.Should().Contain("\"Resolution\":8");
    }

    [Fact]
    public async Task A_decreed_non_working_day_pushes_due_times_past_it()
    {
        var settings = Store.Current;
        settings.Sla.ExtraHolidays.Add("2026-11-26");
        _app.Clock.SetUtcNow(new DateTimeOffset(Lima(11, 25, 17)));

        await Store.SaveAsync(_admin, settings);
        var ticket = await RegisterAltaAsync(); // 17:00 Wednesday: 30 minutes today, the rest on Friday

        ticket.FirstResponseDueUtc.Should().Be(Lima(11, 27, 9));
    }

    [Theory]
    [InlineData(5, 4, "08:30", "17:30", 3, "Sla:Alta: la primera respuesta no puede exceder el tiempo de resolución.")]
    [InlineData(1, 4, "18:00", "08:00", 3, "Sla:WorkdayStart/WorkdayEnd deben ser horas HH:mm con el fin posterior al inicio.")]
    [InlineData(1, 4, "08:30", "17:30", 45, "Los días para finalizar automáticamente van de 0 a 30.")]
    public async Task Invalid_settings_are_refused_in_Spanish_and_nothing_changes(double response, double resolution, string start, string end, int days, string message)
    {
        var settings = Store.Current;
        settings.Sla.Alta.FirstResponse = response;
        settings.Sla.Alta.Resolution = resolution;
        settings.Sla.WorkdayStart = start;
        settings.Sla.WorkdayEnd = end;
        settings.AutoFinalizeBusinessDays = days;

        var save = () => Store.SaveAsync(_admin, settings);

        (await save.Should().ThrowAsync<DomainException>()).Which.Message.Should().Contain(message);
        (Store.Current.Sla.Alta.Resolution, Store.Current.Sla.WorkdayStart, Store.Current.AutoFinalizeBusinessDays).Should().Be((4, "08:30", 3));
    }

    [Fact]
    public async Task Only_administrators_change_the_settings()
    {
        var save = () => Store.SaveAsync(_technician, Store.Current);
        (await save.Should().ThrowAsync<DomainException>()).Which.Message.Should().Be("Solo un administrador cambia la configuración.");
    }

    [Fact]
    public async Task Saved_settings_survive_a_restart_and_switch_automatic_assignment_on()
    {
        var settings = Store.Current;
        settings.AutomaticAssignment = true;
        settings.AutoFinalizeBusinessDays = 5;
        await Store.SaveAsync(_admin, settings);

        var restarted = ActivatorUtilities.CreateInstance<SettingsStore>(_app.Services);
        await restarted.LoadAsync();
        var ticket = await RegisterAltaAsync();

        (restarted.AutomaticAssignment, restarted.AutoFinalizeBusinessDays).Should().Be((true, 5));
        ticket.AssigneeId.Should().Be(_technician.UserId, "the only available technician gets it");
    }

    [Fact]
    public async Task The_recurrence_rule_is_set_within_bounds_and_applies_without_a_restart()
    {
        var settings = Store.Current;
        settings.Recurrence.Threshold = 1;
        var refused = () => Store.SaveAsync(_admin, settings);
        (await refused.Should().ThrowAsync<DomainException>()).Which.Message.Should().Be("El umbral de incidentes repetidos va de 2 a 100.");
        Store.Recurrence.Threshold.Should().Be(5);

        settings.Recurrence.Threshold = 3;
        settings.Recurrence.WindowDays = 14;
        await Store.SaveAsync(_admin, settings);

        (Store.Recurrence.Threshold, Store.Recurrence.WindowDays).Should().Be((3, 14));
    }
}
