using Microsoft.EntityFrameworkCore;
using Siget.Console.Tests.Infrastructure;
using Siget.Core.Access;
using Siget.Core.Catalog;
using Siget.Core.Escalation;
using Siget.Core.Priorities;
using Siget.Core.Tickets;

namespace Siget.Console.Tests.Stories;

/// <summary>The help desk on Friday 2026-11-27 at 17:00 in Lima (22:00 UTC), half an hour before closing.</summary>
public sealed class FridayEveningHelpDesk() : HelpDeskFixture(new DateTimeOffset(2026, 11, 27, 22, 0, 0, TimeSpan.Zero));

public class RegisteringAPhonedInTicketTests(FridayEveningHelpDesk f) : IClassFixture<FridayEveningHelpDesk>
{
    private static readonly DateTime FridayFivePmInLima = new(2026, 11, 27, 22, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task A_phoned_in_ticket_is_saved_En_cola_at_Nivel_1_for_the_requester_with_one_Registrar_history_row()
    {
        var before = await f.CountsAsync();

        var ticket = await f.Registration.RegisterAsync(f.Technician, HelpDeskFixture.Phoned(f.Requester, subject: "Sin impresora en Administración"));

        await using var db = f.App.CreateDbContext();
        var stored = await db.Tickets.AsNoTracking().Include(t => t.History).SingleAsync(t => t.Id == ticket.Id);
        stored.Number.Should().Be(ticket.Number).And.MatchRegex(@"^2026-\d{6}$");
        stored.State.Should().Be(TicketState.EnCola);
        stored.Level.Should().Be(SupportLevel.Nivel1);
        stored.Channel.Should().Be(Channel.Telefono);
        stored.Subject.Should().Be("Sin impresora en Administración");
        stored.SubcategoryCode.Should().Be(15);
        stored.RequesterId.Should().Be(f.Requester.UserId);
        stored.RequesterName.Should().Be("María Flores Condori");
        stored.UnitName.Should().Be("Unidad de Administración");
        stored.RegisteredById.Should().Be(f.Technician.UserId);
        stored.AssigneeId.Should().BeNull();
        stored.RegisteredAtUtc.Should().Be(FridayFivePmInLima);
        stored.RegisteredAtUtc.Kind.Should().Be(DateTimeKind.Utc);
        stored.Version.Should().Be(ticket.Version);

        var entry = stored.History.Should().ContainSingle().Subject;
        entry.Action.Should().Be(TicketAction.Registrar);
        entry.ActorId.Should().Be(f.Technician.UserId);
        entry.ActorName.Should().Be("Luis Mendoza Ríos");
        entry.ToState.Should().Be(TicketState.EnCola);
        entry.ToLevel.Should().Be(SupportLevel.Nivel1);
        entry.AtUtc.Should().Be(FridayFivePmInLima);
        entry.Reason.Should().Contain("Teléfono").And.Contain("Alta");

        var after = await f.CountsAsync();
        after.Tickets.Should().Be(before.Tickets + 1);
        after.HistoryRows.Should().Be(before.HistoryRows + 1);
    }

    [Theory]
    [InlineData(OperatingImpact.Leve, true, Priority.Baja)]
    [InlineData(OperatingImpact.Leve, false, Priority.Media)]
    [InlineData(OperatingImpact.Parcial, true, Priority.Media)]
    [InlineData(OperatingImpact.Parcial, false, Priority.Alta)]
    [InlineData(OperatingImpact.Total, true, Priority.Media)]
    [InlineData(OperatingImpact.Total, false, Priority.Alta)]
    public async Task The_priority_follows_from_the_two_impact_answers(OperatingImpact impact, bool alternative, Priority expected)
    {
        var ticket = await f.Registration.RegisterAsync(f.Technician, HelpDeskFixture.Phoned(f.Requester, impact, alternative));

        (await f.StoredAsync(ticket.Id)).Priority.Should().Be(expected);
    }

    [Theory]
    // Friday 17:00 leaves half an hour of the working day; the rest of each target runs from Monday 08:30.
    [InlineData(OperatingImpact.Total, false, "2026-11-30T14:00:00Z", "2026-11-30T17:00:00Z")]  // Alta 1 h / 4 h: Mon 09:00 / 12:00 Lima
    [InlineData(OperatingImpact.Parcial, true, "2026-11-30T17:00:00Z", "2026-12-01T20:00:00Z")] // Media 4 h / 16 h: Mon 12:00 / Tue 15:00 Lima
    [InlineData(OperatingImpact.Leve, true, "2026-11-30T21:00:00Z", "2026-12-04T17:00:00Z")]    // Baja 8 h / 40 h: Mon 16:00 / Fri 12:00 Lima
    public async Task Due_times_run_on_the_business_calendar_over_the_weekend(OperatingImpact impact, bool alternative,
        string firstResponseDue, string resolutionDue)
    {
        var ticket = await f.Registration.RegisterAsync(f.Technician, HelpDeskFixture.Phoned(f.Requester, impact, alternative));

        var stored = await f.StoredAsync(ticket.Id);
        stored.FirstResponseDueUtc.Should().Be(Utc(firstResponseDue));
        stored.ResolutionDueUtc.Should().Be(Utc(resolutionDue));
        stored.NextDueUtc.Should().Be(Utc(firstResponseDue), "the first response is the clock that runs until someone answers");
    }

    public static TheoryData<string, bool> Requesters => new()
    {
        { "director", true },   // Director Ejecutivo
        { "ejecutiva", true },  // Ejecutivo
        { "tambo1", true },     // a Tambo serves citizens
        { "usuario1", false },  // Especialista of an office
        { "usuario2", false },  // De Apoyo of an office
    };

    [Theory]
    [MemberData(nameof(Requesters))]
    public async Task Top_management_and_citizen_facing_units_are_preferential(string userName, bool preferential)
    {
        var requester = new[] { f.Director, f.Executive, f.TamboWorker, f.Requester, f.OtherRequester }
            .Single(a => UserName(a) == userName);

        var ticket = await f.Registration.RegisterAsync(f.Technician, HelpDeskFixture.Phoned(requester));

        (await f.StoredAsync(ticket.Id)).Preferential.Should().Be(preferential);
    }

    [Fact]
    public async Task A_requester_on_the_portal_always_registers_in_their_own_name()
    {
        var request = HelpDeskFixture.Phoned(f.OtherRequester, channel: Channel.Intranet);

        var ticket = await f.Registration.RegisterAsync(f.Requester, request);

        var stored = await f.StoredAsync(ticket.Id);
        stored.RequesterId.Should().Be(f.Requester.UserId, "a Usuario cannot open tickets for someone else");
        stored.RegisteredById.Should().Be(f.Requester.UserId);
        stored.Channel.Should().Be(Channel.Intranet);
    }

    [Fact]
    public async Task Simultaneous_registrations_each_get_their_own_number_and_none_is_refused()
    {
        var tag = HelpDeskFixture.NewTag();

        // Eight desks registering one ticket after another at the same time (the portal at 8 a.m.): every registration
        // waits for the write instead of reading a number someone else is taking, so none runs out of retries.
        var desks = await Task.WhenAll(Enumerable.Range(1, 8).Select(desk => Task.Run(async () =>
        {
            var numbers = new List<string>();
            for (var i = 0; i < 25; i++)
                numbers.Add((await f.Registration.RegisterAsync(desk % 2 == 0 ? f.Technician : f.OtherTechnician,
                    HelpDeskFixture.Phoned(f.Requester, subject: $"{tag} {desk}-{i}"))).Number);
            return numbers;
        })));
        var tickets = desks.SelectMany(n => n).ToList();

        tickets.Should().HaveCount(200).And.OnlyHaveUniqueItems();
        await using var db = f.App.CreateDbContext();
        (await db.Tickets.CountAsync(t => t.Subject.StartsWith(tag))).Should().Be(200);
        var last = await db.TicketSequences.Where(s => s.Year == 2026).Select(s => s.Last).SingleAsync();
        last.Should().Be(await db.Tickets.CountAsync(t => t.Year == 2026), "no number is skipped or used twice");
    }

    [Fact]
    public async Task A_registration_refused_among_simultaneous_ones_fails_alone_with_its_reason()
    {
        var tag = HelpDeskFixture.NewTag();

        var attempts = Enumerable.Range(1, 12).Select(i => Task.Run(() => f.Registration.RegisterAsync(f.Technician,
            HelpDeskFixture.Phoned(i == 6 ? f.Inactive : f.Requester, subject: $"{tag} {i}")))).ToList();
        var refused = () => attempts[5];

        await refused.Should().ThrowAsync<Siget.Core.DomainException>().WithMessage("*inactiva*");
        var registered = await Task.WhenAll(attempts.Where((_, i) => i != 5));
        registered.Should().HaveCount(11).And.OnlyContain(t => t.Subject.StartsWith(tag));
        await using var db = f.App.CreateDbContext();
        (await db.Tickets.CountAsync(t => t.Subject.StartsWith(tag))).Should().Be(11, "the others were written, the refused one not at all");
    }

    private string UserName(Actor actor)
    {
        using var db = f.App.CreateDbContext();
        return db.Users.Single(u => u.Id == actor.UserId).UserName!;
    }

    private static DateTime Utc(string iso) => DateTime.Parse(iso, null, System.Globalization.DateTimeStyles.AdjustToUniversal);
}
