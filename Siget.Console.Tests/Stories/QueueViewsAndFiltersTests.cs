using Siget.Console.Services.Tickets;
using Siget.Console.Tests.Infrastructure;
using Siget.Core.Access;
using Siget.Core.Escalation;
using Siget.Core.Priorities;

namespace Siget.Console.Tests.Stories;

[Collection(HelpDeskCollection.Name)]
public class QueueViewsAndFiltersTests(HelpDeskFixture f)
{
    [Fact]
    public async Task Mi_trabajo_shows_only_my_tickets_and_Mi_nivel_only_the_unassigned_ones_of_my_level()
    {
        var tag = HelpDeskFixture.NewTag();
        var mine = await f.TakenAsync($"{tag} mío");
        var colleagues = await f.TakenAsync($"{tag} de Ana", technician: f.OtherTechnician);
        var waiting = await f.RegisterAsync($"{tag} en cola");
        var escalated = await f.RegisterAsync($"{tag} escalado");
        await f.Commands.EscalateAsync(f.Technician, escalated.Id, escalated.Version, "N1-IMPACTO", "Afecta a toda la sede", null);
        await f.ResolvedAsync($"{tag} ya resuelto");

        (await Ids(f.Technician, tag, QueueView.MiTrabajo)).Should().Equal(mine.Id);
        (await Ids(f.OtherTechnician, tag, QueueView.MiTrabajo)).Should().Equal(colleagues.Id);
        (await Ids(f.Technician, tag, QueueView.MiNivel)).Should().Equal(waiting.Id);
        (await Ids(f.Technician, tag, QueueView.Todos)).Should().BeEquivalentTo([mine.Id, colleagues.Id, waiting.Id]);
        (await Ids(f.Specialist, tag, QueueView.MiNivel)).Should().Equal(escalated.Id);
        (await Ids(f.Specialist, tag, QueueView.MiTrabajo)).Should().BeEmpty();
    }

    [Fact]
    public async Task Filtering_by_priority_and_by_level_narrows_the_queue()
    {
        var tag = HelpDeskFixture.NewTag();
        var alta = await f.RegisterAsync($"{tag} alta");
        var baja = await f.RegisterAsync($"{tag} baja", impact: OperatingImpact.Leve, alternative: true);
        var escalated = await f.RegisterAsync($"{tag} escalado", impact: OperatingImpact.Parcial, alternative: true);
        await f.Commands.EscalateAsync(f.Technician, escalated.Id, escalated.Version, "N1-RECURSOS", "Excede el Nivel 1", null);

        (await Ids(f.Supervisor, tag, filter: new QueueFilter { Priority = Priority.Baja })).Should().Equal(baja.Id);
        (await Ids(f.Supervisor, tag, filter: new QueueFilter { Priority = Priority.Alta })).Should().Equal(alta.Id);
        (await Ids(f.Supervisor, tag, filter: new QueueFilter { Level = SupportLevel.Nivel2 })).Should().Equal(escalated.Id);
        (await Ids(f.Supervisor, tag, filter: new QueueFilter { Level = SupportLevel.Nivel1 })).Should().Equal(alta.Id, baja.Id);
    }

    [Fact]
    public async Task Searching_a_ticket_number_finds_that_ticket()
    {
        var ticket = await f.RegisterAsync($"{HelpDeskFixture.NewTag()} por número");

        var found = await f.Queries.QueueAsync(f.Technician, new QueueFilter { Search = $"  {ticket.Number} " }, 0, 50);

        found.Rows.Should().ContainSingle().Which.Id.Should().Be(ticket.Id);
    }

    [Fact]
    public async Task Searching_the_requesters_name_or_unit_finds_their_tickets()
    {
        var llamellin = await f.App.AddUnitAsync("Tambo Llamellín (Áncash)", servesCitizens: true, kind: Siget.Console.Data.UnitKind.Tambo);
        var zoila = await f.App.AddPersonAsync("zvera", Role.Usuario, "Zoila Vera Palomino", llamellin.Id, Classification.DeApoyo);
        var hers = await f.RegisterAsync("Sin internet en el Tambo", zoila);
        var other = await f.RegisterAsync("Sin internet en la oficina", f.OtherRequester);

        foreach (var text in new[] { "Vera Palomino", "Zoila", "Llamellín" })
        {
            var found = await f.Queries.QueueAsync(f.Technician, new QueueFilter { Search = text }, 0, 50);
            found.Rows.Select(r => r.Id).Should().Equal([hers.Id], "searching \"{0}\"", text);
        }
        (await f.Queries.QueueAsync(f.Technician, new QueueFilter { Search = "Vera Palomino" }, 0, 50)).Rows
            .Should().NotContain(r => r.Id == other.Id);
    }

    [Fact]
    public async Task Searching_is_not_fooled_by_lower_case()
    {
        var unit = await f.App.AddUnitAsync("Unidad de Asesoría Jurídica");
        var gloria = await f.App.AddPersonAsync("gcardenas", Role.Usuario, "Gloria Cárdenas Loayza", unit.Id, Classification.Especialista);
        var hers = await f.RegisterAsync("No puedo ingresar al SGD", gloria);

        // What people type in a search box: lower case. (SQL Server's usual collation ignores case; SQLite's instr() does not.)
        var found = await f.Queries.QueueAsync(f.Technician, new QueueFilter { Search = "loayza" }, 0, 50);

        found.Rows.Select(r => r.Id).Should().Equal(hers.Id);
    }

    private async Task<List<int>> Ids(Actor actor, string tag, QueueView view = QueueView.Todos, QueueFilter? filter = null) =>
        (await f.Queries.QueueAsync(actor, (filter ?? new QueueFilter()) with { View = view, Search = tag }, 0, 50)).Rows.Select(r => r.Id).ToList();
}
