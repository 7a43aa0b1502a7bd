using Siget.Console.Services.Tickets;
using Siget.Console.Tests.Infrastructure;
using Siget.Core.Access;
using Siget.Core.Escalation;
using Siget.Core.Priorities;
using Siget.Core.Tickets;

namespace Siget.Console.Tests.Live;

/// <summary>
/// The queue caches share answers among the viewers <see cref="TicketAccess.SharedAnswerFor"/> names. Over every role,
/// every view and several filters, each person's cached answer (asked right after everyone else's, at the same version,
/// so that whatever may be shared is shared) is exactly what the query gives that person directly.
/// </summary>
[Collection(EveryRoleCollection.Name)]
public sealed class SharedAnswersGridTests(EveryRoleDesk f) : IAsyncLifetime
{
    private string _tag = "";

    public async Task InitializeAsync()
    {
        _tag = HelpDeskFixture.NewTag();
        await f.RegisterAsync($"{_tag} en cola");
        await f.TakenAsync($"{_tag} de Luis");
        await f.TakenAsync($"{_tag} de Ana", technician: f.OtherTechnician);
        await f.ResolvedAsync($"{_tag} resuelto");
        var escalated = await f.TakenAsync($"{_tag} escalado");
        escalated = await f.Commands.EscalateAsync(f.Technician, escalated.Id, escalated.Version, "N1-RECURSOS", "Requiere reinstalar el controlador del servidor de impresión.", null);
        var held = await f.TakenAsync($"{_tag} del especialista");
        held = await f.Commands.EscalateAsync(f.Technician, held.Id, held.Version, "N1-RECURSOS", "Requiere reinstalar el controlador del servidor de impresión.", null);
        await f.Commands.TakeAsync(f.Specialist, held.Id, held.Version);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private IEnumerable<(string Label, Actor Actor)> People =>
        f.Everyone.Select(p => (p.Label, p.Actor))
            .Append(("otro técnico", f.OtherTechnician)).Append(("otro especialista", f.OtherSpecialist)).Append(("director", f.Director));

    private IEnumerable<(string Label, QueueFilter Filter)> Filters(QueueView view) =>
    [
        ("sin filtro", new QueueFilter { View = view }),
        ("texto", new QueueFilter { View = view, Search = _tag }),
        ("resueltos", new QueueFilter { View = view, States = [TicketState.Resuelto], Search = _tag }),
        ("todos los estados", new QueueFilter { View = view, States = Enum.GetValues<TicketState>(), Search = _tag }),
        ("nivel 1", new QueueFilter { View = view, Level = SupportLevel.Nivel1 }),
        ("nivel 2", new QueueFilter { View = view, Level = SupportLevel.Nivel2, Search = _tag }),
        ("prioridad alta", new QueueFilter { View = view, Priority = Priority.Alta }),
    ];

    [Fact]
    public async Task Every_cached_queue_answer_is_the_person_s_own_query()
    {
        var windows = f.App.Service<QueueWindows>();
        var checkedAnswers = 0;
        foreach (var view in Enum.GetValues<QueueView>())
            foreach (var (filterLabel, filter) in Filters(view))
                foreach (var (label, actor) in People)
                {
                    var cached = await Outcome(() => windows.QueueAsync(actor, filter, 0, 100));
                    var direct = await Outcome(() => f.Queries.QueueAsync(actor, filter, 0, 100));
                    cached.Should().Be(direct, $"{label}, vista {view}, {filterLabel}");
                    checkedAnswers++;
                }
        checkedAnswers.Should().BeGreaterThan(100);
    }

    [Fact]
    public async Task Every_shared_menu_count_is_the_person_s_own_count()
    {
        var counts = f.App.Service<SharedQueueCounts>();
        foreach (var (label, actor) in People)
            (await counts.CountsAsync(actor)).Should().Be(await f.Queries.CountsAsync(actor), label);
    }

    /// <summary>The rows' ids and the total, or the refusal.</summary>
    private static async Task<string> Outcome(Func<Task<QueueResult>> ask)
    {
        try
        {
            var result = await ask();
            return $"{result.Total}: {string.Join(',', result.Rows.Select(r => r.Id))}";
        }
        catch (Siget.Core.DomainException ex)
        {
            return $"refused: {ex.Message}";
        }
    }
}
