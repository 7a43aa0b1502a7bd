using Microsoft.EntityFrameworkCore;
using Siget.Console.Services.Problems;
using Siget.Console.Tests.Infrastructure;
using Siget.Core;
using Siget.Core.Notifications;
using Siget.Core.Tickets;

namespace Siget.Console.Tests.Problems;

/// <summary>
/// Recurring incidents suggest a problem (threshold 5 in 7 days, the defaults). A desk of its own: the group is one
/// subcategory in one Tambo, and the suggestions and notifications are the whole desk's.
/// </summary>
public class RecurrenceWatchTests(HelpDeskFixture f) : IClassFixture<HelpDeskFixture>
{
    private const int PhoneCode = 40; // Telefonía IP: no other test of this desk registers it
    private RecurrenceWatch Watch => f.App.Service<RecurrenceWatch>();

    private async Task<List<Ticket>> IncidentsAsync(int count)
    {
        var tickets = new List<Ticket>();
        for (var i = 0; i < count; i++)
        {
            tickets.Add(await f.Registration.RegisterAsync(f.Technician,
                HelpDeskFixture.Phoned(f.TamboWorker, subject: $"El teléfono IP no tiene tono {i}", code: PhoneCode)));
            f.App.Clock.Advance(TimeSpan.FromHours(3));
        }
        return tickets;
    }

    /// <summary>The supervisor's recurrence notices about these tickets (another test's group may be told in the same pass).</summary>
    private async Task<List<Notification>> SupervisorNoticesAsync(IEnumerable<Ticket> about)
    {
        var ids = about.Select(t => t.Id).ToList();
        await using var db = f.App.CreateDbContext();
        return await db.Notifications.AsNoTracking()
            .Where(n => n.RecipientId == f.Supervisor.UserId && n.Kind == NotificationKind.ProblemaSugerido && ids.Contains(n.TicketId)).ToListAsync();
    }

    [Fact]
    public async Task Five_incidents_of_one_service_in_one_tambo_suggest_a_problem_tell_supervisors_once_and_go_when_a_problem_takes_them()
    {
        var tickets = await IncidentsAsync(4);
        (await Watch.SuggestionsAsync(f.Supervisor)).Should().NotContain(s => s.Group.SubcategoryCode == PhoneCode, "four are below the threshold");
        await Watch.RunOnceAsync();
        (await SupervisorNoticesAsync(tickets)).Should().BeEmpty();

        tickets.AddRange(await IncidentsAsync(1));
        var suggestion = (await Watch.SuggestionsAsync(f.Technician)).Should().ContainSingle(s => s.Group.SubcategoryCode == PhoneCode).Subject;
        suggestion.Group.Count.Should().Be(5);
        suggestion.Place.Should().Be("Tambo Paucartambo (Cusco)");
        suggestion.Group.FirstAtUtc.Should().Be(tickets[0].RegisteredAtUtc);
        suggestion.Group.LastAtUtc.Should().Be(tickets[^1].RegisteredAtUtc);

        (await Watch.RunOnceAsync()).Should().BeGreaterThan(0);
        var told = (await SupervisorNoticesAsync(tickets)).Should().ContainSingle().Subject;
        told.TicketNumber.Should().Be(tickets[^1].Number);
        told.Text.Should().StartWith("Se repiten incidentes: 5 de «").And.Contain("Tambo Paucartambo (Cusco) en los últimos 7 días");
        await Watch.RunOnceAsync();
        (await SupervisorNoticesAsync(tickets)).Should().HaveCount(1, "it was told in this window");

        var group = await Watch.IncidentsAsync(f.Supervisor, PhoneCode, suggestion.Group.UnitId);
        group.Select(t => t.Id).Should().BeEquivalentTo(tickets.Select(t => t.Id));
        await f.App.Service<ProblemCommands>().RegisterAsync(f.Supervisor,
            new NewProblem("Telefonía IP sin tono en el Tambo", "Cinco reportes en dos días.", PhoneCode, suggestion.Group.UnitId), group.Select(t => t.Id).ToList());
        (await Watch.SuggestionsAsync(f.Supervisor)).Should().NotContain(s => s.Group.SubcategoryCode == PhoneCode, "its incidents are explained now");
    }

    [Fact]
    public async Task A_dismissed_suggestion_comes_back_only_with_newer_incidents_and_only_the_supervisor_dismisses()
    {
        const int code = 43; // Teams
        for (var i = 0; i < 5; i++)
            await f.Registration.RegisterAsync(f.Technician, HelpDeskFixture.Phoned(f.Director, subject: $"No puedo unirme a Teams {i}", code: code));
        var suggestion = (await Watch.SuggestionsAsync(f.Supervisor)).Single(s => s.Group.SubcategoryCode == code);

        await FluentActions.Invoking(() => Watch.DismissAsync(f.Specialist, code, suggestion.Group.UnitId)).Should().ThrowAsync<DomainException>()
            .WithMessage("Solo el Ejecutivo de la UTI descarta una sugerencia.");
        await Watch.DismissAsync(f.Supervisor, code, suggestion.Group.UnitId);
        (await Watch.SuggestionsAsync(f.Supervisor)).Should().NotContain(s => s.Group.SubcategoryCode == code);

        f.App.Clock.Advance(TimeSpan.FromMinutes(10));
        await f.Registration.RegisterAsync(f.Technician, HelpDeskFixture.Phoned(f.Director, subject: "Teams otra vez", code: code));
        (await Watch.SuggestionsAsync(f.Supervisor)).Single(s => s.Group.SubcategoryCode == code).Group.Count.Should().Be(6);
    }

    [Fact]
    public async Task Requesters_do_not_read_the_suggestions()
    {
        await FluentActions.Invoking(() => Watch.SuggestionsAsync(f.Requester)).Should().ThrowAsync<DomainException>();
        await FluentActions.Invoking(() => Watch.IncidentsAsync(f.Technician, PhoneCode, null)).Should().ThrowAsync<DomainException>();
    }
}
