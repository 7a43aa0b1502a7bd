using Microsoft.EntityFrameworkCore;
using Siget.Console.Services;
using Siget.Core;
using Siget.Core.Access;
using Siget.Core.Catalog;
using Siget.Core.Escalation;
using Siget.Core.Priorities;
using Siget.Core.Tickets;

namespace Siget.Console.Tests.Services;

public class RegisteringTicketsTests(TicketServicesFixture f) : IClassFixture<TicketServicesFixture>
{
    [Fact]
    public async Task A_phoned_in_ticket_gets_the_next_number_of_the_year_its_priority_clocks_and_one_history_row()
    {
        var first = await f.RegisterAsync();
        var second = await f.RegisterAsync(impact: OperatingImpact.Leve, alternative: true);

        TicketNumber.TryParse(first.Number, out var a).Should().BeTrue();
        TicketNumber.TryParse(second.Number, out var b).Should().BeTrue();
        a.Year.Should().Be(2026);
        b.Sequence.Should().Be(a.Sequence + 1);

        await using var db = f.App.CreateDbContext();
        var stored = await db.Tickets.Include(t => t.History).SingleAsync(t => t.Id == first.Id);
        (stored.State, stored.Level, stored.Priority).Should().Be((TicketState.EnCola, SupportLevel.Nivel1, Priority.Alta));
        stored.History.Should().ContainSingle().Which.ActorId.Should().Be(f.Technician.UserId);
        stored.RegisteredAtUtc.Kind.Should().Be(DateTimeKind.Utc);
        // Wednesday 10:00 Lima: Alta answers within 1 business hour and resolves within 4.
        stored.FirstResponseDueUtc.Should().Be(new DateTime(2026, 11, 25, 16, 0, 0, DateTimeKind.Utc));
        stored.ResolutionDueUtc.Should().Be(new DateTime(2026, 11, 25, 19, 0, 0, DateTimeKind.Utc));
        (await db.Tickets.SingleAsync(t => t.Id == second.Id)).Priority.Should().Be(Priority.Baja);
    }

    [Fact]
    public async Task Top_management_and_Tambos_are_served_first()
    {
        (await f.RegisterAsync(f.Director)).Preferential.Should().BeTrue();
        (await f.RegisterAsync(f.OtherRequester)).Preferential.Should().BeTrue(); // a Tambo serves citizens
        (await f.RegisterAsync(f.Requester)).Preferential.Should().BeFalse();
    }

    public static TheoryData<string, Action<RegisterTicketRequest>, string> BadInput => new()
    {
        { "unknown service", r => r.SubcategoryCode = 99, "El servicio 99 no existe en el catálogo." },
        { "no service", r => r.SubcategoryCode = null, "Elija el servicio del catálogo." },
        { "empty subject", r => r.Subject = " ", "Complete el asunto." },
        { "long description", r => r.Description = new string('x', TicketLimits.DescriptionMaxLength + 1), "*4000 caracteres*" },
        { "no impact", r => r.Impact = null, "Indique cuánto afecta*" },
        { "no alternative answer", r => r.AlternativeAvailable = null, "Indique si se dispone*" },
        { "no requester", r => r.RequesterId = null, "Elija a la persona que solicita la atención." },
        { "unknown requester", r => r.RequesterId = "nadie", "La persona solicitante no existe o está inactiva." },
        { "intranet channel by staff", r => r.Channel = Channel.Intranet, "El personal de la UTI registra*" },
    };

    [Theory]
    [MemberData(nameof(BadInput))]
    public async Task Bad_input_is_refused_in_Spanish_and_nothing_is_saved(string _, Action<RegisterTicketRequest> spoil, string message)
    {
        var request = TicketServicesFixture.Phoned(f.Requester);
        spoil(request);
        var before = await Counts();

        var act = () => f.Registration.RegisterAsync(f.Technician, request);

        await act.Should().ThrowAsync<DomainException>().WithMessage(message);
        (await Counts()).Should().Be(before);
    }

    [Fact]
    public async Task An_inactive_requester_a_retired_service_a_requester_by_phone_and_a_vendor_are_refused()
    {
        var before = await Counts();
        await f.Invoking(x => x.Registration.RegisterAsync(f.Technician, TicketServicesFixture.Phoned(f.Inactive)))
            .Should().ThrowAsync<DomainException>().WithMessage("*inactiva*");
        await f.Invoking(x => x.Registration.RegisterAsync(f.Requester, TicketServicesFixture.Phoned(f.Requester)))
            .Should().ThrowAsync<DomainException>().WithMessage("*Intranet o SISMONITOR*");
        await f.Invoking(x => x.Registration.RegisterAsync(f.Vendor, TicketServicesFixture.Phoned(f.Requester)))
            .Should().ThrowAsync<DomainException>().WithMessage("Su rol no permite registrar tickets.");

        await using (var db = f.App.CreateDbContext())
        {
            (await db.Subcategories.SingleAsync(s => s.Code == 16)).Retire();
            await db.SaveChangesAsync();
        }
        var retired = TicketServicesFixture.Phoned(f.Requester, code: 16);
        await f.Invoking(x => x.Registration.RegisterAsync(f.Technician, retired))
            .Should().ThrowAsync<DomainException>().WithMessage("*fue retirado del catálogo*");
        (await Counts()).Should().Be(before);
    }

    [Fact]
    public async Task Concurrent_registrations_never_share_a_number()
    {
        var tickets = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => f.RegisterAsync(subject: $"Simultáneo {i}")));
        tickets.Select(t => t.Number).Should().OnlyHaveUniqueItems();
    }

    private async Task<(int Tickets, int History, int LastSequence)> Counts()
    {
        await using var db = f.App.CreateDbContext();
        return (await db.Tickets.CountAsync(), await db.TicketHistory.CountAsync(),
            await db.TicketSequences.Select(s => (int?)s.Last).MaxAsync() ?? 0);
    }
}
