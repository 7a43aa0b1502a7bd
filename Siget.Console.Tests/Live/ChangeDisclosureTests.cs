using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Siget.Console.Api;
using Siget.Console.Live;
using Siget.Console.Services.Problems;
using Siget.Console.Services.Tickets;
using Siget.Console.Tests.Infrastructure;
using Siget.Core.Access;
using Siget.Core.Escalation;
using Siget.Core.Tickets;

namespace Siget.Console.Tests.Live;

/// <summary>
/// What each role hears of every kind of change, on its screens (the feed, as a circuit subscribes) and on
/// <c>/hubs/queue</c>: an internal note reaches nobody who may not read internal notes, and whoever may not read them
/// (the requester, a vendor user not holding the ticket) hears no user id but their own.
/// </summary>
[Collection(EveryRoleCollection.Name)]
public class ChangeDisclosureTests(EveryRoleDesk f)
{
    /// <summary>
    /// Every change of the walk, and what each role hears of it, written out by hand from the rules: F = everything,
    /// O = the public outline (no one's id but their own), - = nothing. Columns in the order of <see cref="EveryRoleDesk.Everyone"/>:
    /// solicitante, técnico, especialista, proveedor (who takes it at level 3), su colega, otra empresa, supervisor, administrador.
    /// </summary>
    private static readonly (TicketAction Action, string By, string Heard)[] Walk =
    [
        (TicketAction.Registrar, "técnico", "OF----FF"),
        (TicketAction.Tomar, "técnico", "OF----FF"),
        (TicketAction.Responder, "técnico", "OF----FF"),
        (TicketAction.AnotarNota, "técnico", "-F----FF"),
        (TicketAction.Liberar, "técnico", "OF----FF"),
        (TicketAction.Tomar, "otro técnico", "OF----FF"),
        (TicketAction.Reasignar, "supervisor", "OF----FF"),
        (TicketAction.Escalar, "técnico", "O-F---FF"),             // to level 2: out of the technician's reach
        (TicketAction.Tomar, "especialista", "O-F---FF"),
        (TicketAction.Escalar, "especialista", "O-FOO-FF"),        // to the vendor company: its users follow it, none holds it yet
        (TicketAction.Tomar, "proveedor", "O-FFO-FF"),
        (TicketAction.AnotarNota, "proveedor", "--FF--FF"),        // the vendor user holding it reads notes; the colleague does not
        (TicketAction.Responder, "proveedor", "O-FFO-FF"),
        (TicketAction.Devolver, "supervisor", "O-F---FF"),         // back to level 2: the vendor follows it no more
        (TicketAction.Tomar, "especialista", "O-F---FF"),
        (TicketAction.Resolver, "especialista", "O-F---FF"),
        (TicketAction.Reabrir, "solicitante", "O-F---FF"),
        (TicketAction.AnotarNota, "especialista", "--F---FF"),
        (TicketAction.Resolver, "especialista", "O-F---FF"),
        (TicketAction.Finalizar, "solicitante", "O-F---FF"),
        // A second ticket, cancelled; a third, linked to a problem and unlinked.
        (TicketAction.Registrar, "técnico", "OF----FF"),
        (TicketAction.Anular, "supervisor", "OF----FF"),
        (TicketAction.Registrar, "técnico", "OF----FF"),
        (TicketAction.VincularProblema, "supervisor", "OF----FF"),
        (TicketAction.DesvincularProblema, "supervisor", "OF----FF"),
        (TicketAction.Registrar, "técnico", "OF----FF"),
        (TicketAction.Tomar, "otro técnico", "OF----FF"),
        (TicketAction.Asumir, "técnico", "OF----FF"),          // while the colleague holding it is away
    ];

    [Fact]
    public void The_walk_covers_every_kind_of_change()
    {
        Walk.Select(w => w.Action).Distinct().Should().BeEquivalentTo(Enum.GetValues<TicketAction>(),
            "a new kind of change must be added to the walk, with what each role hears of it");
    }

    [Fact]
    public async Task Each_role_s_screens_hear_each_change_as_the_rule_says()
    {
        var feed = f.App.Service<TicketFeed>();
        var heard = f.Everyone.ToDictionary(p => p.Label, _ => new ConcurrentQueue<Heard>());
        var subscriptions = f.Everyone.Select(p => feed.Subscribe(p.Actor, c =>
        {
            heard[p.Label].Enqueue(new Heard(c.TicketId, c.Action, c.ActorId, c.ActorName, c.AssigneeId, c.Visible));
            return Task.CompletedTask;
        })).ToList();
        try
        {
            var steps = await WalkAsync();
            await ControlAsync(heard);

            AssertHeardAsWritten(steps, heard);
        }
        finally
        {
            subscriptions.ForEach(s => s.Dispose());
        }
    }

    [Fact]
    public async Task Each_role_s_hub_connection_hears_each_change_as_the_rule_says()
    {
        var heard = f.Everyone.ToDictionary(p => p.Label, _ => new ConcurrentQueue<Heard>());
        var connections = new List<HubConnection>();
        try
        {
            foreach (var (label, userName, _) in f.Everyone)
            {
                var (_, cookies) = await f.App.SignInAsync(userName);
                var connection = Connect(cookies);
                connection.On<HubHeard>(QueueHub.TicketChangedMethod, c =>
                    heard[label].Enqueue(new Heard(c.TicketId, Enum.Parse<TicketAction>(c.Action), c.ActorId, c.ActorName, c.AssigneeId, c.Visible)));
                await connection.StartAsync();
                connections.Add(connection);
            }

            var steps = await WalkAsync();
            await ControlAsync(heard);

            AssertHeardAsWritten(steps, heard);
        }
        finally
        {
            foreach (var c in connections) await c.DisposeAsync();
        }
    }

    /// <summary>
    /// Changes after the walk that each role hears at least one of: a subscriber hears changes in the order they were made,
    /// so once each has heard one, whatever the walk sent it has arrived, and nothing of the walk is still on its way.
    /// Two tickets taken to a vendor company each (every role follows one of them at some point).
    /// </summary>
    private async Task ControlAsync(Dictionary<string, ConcurrentQueue<Heard>> heard)
    {
        var controls = new List<int>();
        foreach (var company in new[] { f.VendorCompanyId, f.OtherVendorCompanyId })
        {
            var t = await f.TakenAsync($"{HelpDeskFixture.NewTag()} control");
            controls.Add(t.Id);
            t = await f.Commands.EscalateAsync(f.Technician, t.Id, t.Version, "N1-RECURSOS", "Requiere especialista.", null);
            t = await f.Commands.TakeAsync(f.Specialist, t.Id, t.Version);
            await f.Commands.EscalateAsync(f.Specialist, t.Id, t.Version, "N2-INFRAESTRUCTURA", "En garantía.", company);
        }
        for (var i = 0; i < 400 && !heard.Values.All(q => q.Any(h => controls.Contains(h.TicketId))); i++) await Task.Delay(25);
        heard.Where(q => !q.Value.Any(h => controls.Contains(h.TicketId))).Select(q => q.Key).Should().BeEmpty("every role hears a control change");
    }

    /// <summary>A change as a subscriber received it.</summary>
    private sealed record Heard(int TicketId, TicketAction Action, string? ActorId, string ActorName, string? AssigneeId, bool Visible);

    /// <summary>The message as a hub client reads it: enums as names.</summary>
    private sealed record HubHeard(int TicketId, string Action, string? ActorId, string ActorName, string? AssigneeId, bool Visible);

    private sealed record Step(int TicketId, TicketAction Action, Actor By, string Heard);

    private void AssertHeardAsWritten(IReadOnlyList<Step> steps, Dictionary<string, ConcurrentQueue<Heard>> heard)
    {
        for (var column = 0; column < f.Everyone.Count; column++)
        {
            var (label, _, person) = f.Everyone[column];
            var expected = steps.Where(s => s.Heard[column] != '-').Select(s => (s.TicketId, s.Action)).ToList();
            var walked = steps.Select(s => s.TicketId).ToHashSet();
            var received = heard[label].Where(h => walked.Contains(h.TicketId)).ToList();
            received.Select(h => (h.TicketId, h.Action)).Should().Equal(expected, $"the {label} hears these changes, in this order");
            received.Where(h => !h.Visible || h.ActorName.Length == 0).Should().BeEmpty($"the {label} follows each ticket it hears of");
            var told = steps.Where(s => s.Heard[column] != '-').Zip(received);
            foreach (var (step, h) in told)
            {
                if (step.Heard[column] == 'F')
                    h.ActorId.Should().Be(step.By.UserId, $"the {label} may read internal notes and hears who did {step.Action}");
                else
                {
                    h.ActorId.Should().Be(step.By.UserId == person.UserId ? person.UserId : null, $"the {label} hears no one's id but their own ({step.Action})");
                    h.AssigneeId.Should().BeOneOf([null, person.UserId], $"the {label} hears no one's id but their own");
                    h.ActorName.Should().Be(step.By.Name, "names are what the ticket's page shows them");
                }
            }
        }
    }

    /// <summary>Makes every change of <see cref="Walk"/> through the services, in order.</summary>
    private async Task<IReadOnlyList<Step>> WalkAsync()
    {
        var tag = HelpDeskFixture.NewTag();
        var commands = f.Commands;
        var conversation = f.App.Service<TicketConversation>();
        var steps = new List<Step>();
        var walk = Walk.AsEnumerable().GetEnumerator();
        void Did(Ticket t, Actor by)
        {
            walk.MoveNext();
            steps.Add(new Step(t.Id, walk.Current.Action, by, walk.Current.Heard));
        }
        async Task<Ticket> Register(string subject)
        {
            var t = await f.RegisterAsync($"{tag} {subject}");
            Did(t, f.Technician);
            return t;
        }
        async Task<Ticket> Do(Actor by, Func<Ticket, Task<Ticket>> change, Ticket t)
        {
            t = await change(t);
            Did(t, by);
            return t;
        }
        async Task<Ticket> Say(Actor by, Ticket t, bool isInternal)
        {
            await conversation.ReplyAsync(by, t.Id, isInternal ? "Nota del equipo." : "Estamos en ello.", isInternal);
            Did(t, by);
            return await f.StoredAsync(t.Id);
        }

        var t = await Register("impresora");
        t = await Do(f.Technician, t => commands.TakeAsync(f.Technician, t.Id, t.Version), t);
        t = await Say(f.Technician, t, isInternal: false);
        t = await Say(f.Technician, t, isInternal: true);
        t = await Do(f.Technician, t => commands.ReleaseAsync(f.Technician, t.Id, t.Version, null), t);
        t = await Do(f.OtherTechnician, t => commands.TakeAsync(f.OtherTechnician, t.Id, t.Version), t);
        t = await Do(f.Supervisor, t => commands.ReassignAsync(f.Supervisor, t.Id, t.Version, f.Technician.UserId, "Luis conoce el equipo."), t);
        t = await Do(f.Technician, t => commands.EscalateAsync(f.Technician, t.Id, t.Version, "N1-RECURSOS", "Requiere especialista.", null), t);
        t = await Do(f.Specialist, t => commands.TakeAsync(f.Specialist, t.Id, t.Version), t);
        t = await Do(f.Specialist, t => commands.EscalateAsync(f.Specialist, t.Id, t.Version, "N2-INFRAESTRUCTURA", "En garantía.", f.VendorCompanyId), t);
        t = await Do(f.Vendor, t => commands.TakeAsync(f.Vendor, t.Id, t.Version), t);
        t = await Say(f.Vendor, t, isInternal: true);
        t = await Say(f.Vendor, t, isInternal: false);
        t = await Do(f.Supervisor, t => commands.SendBackAsync(f.Supervisor, t.Id, t.Version, SupportLevel.Nivel2, "El proveedor no tiene el repuesto.", null), t);
        t = await Do(f.Specialist, t => commands.TakeAsync(f.Specialist, t.Id, t.Version), t);
        t = await Do(f.Specialist, t => commands.ResolveAsync(f.Specialist, t.Id, t.Version, "Se cambió el fusor."), t);
        t = await Do(f.Requester, t => commands.ReopenAsync(f.Requester, t.Id, t.Version, "Sigue manchando las hojas."), t);
        t = await Say(f.Specialist, t, isInternal: true);
        t = await Do(f.Specialist, t => commands.ResolveAsync(f.Specialist, t.Id, t.Version, "Se cambió también el rodillo."), t);
        await Do(f.Requester, t => commands.FinalizeAsync(f.Requester, t.Id, t.Version, new Satisfaction(5, null)), t);

        var cancelled = await Register("duplicado");
        await Do(f.Supervisor, t => commands.CancelAsync(f.Supervisor, t.Id, t.Version, "Duplicado de otro ticket."), cancelled);

        var incident = await Register("sin red");
        var problems = f.App.Service<ProblemCommands>();
        var problem = await problems.RegisterAsync(f.Supervisor, new NewProblem($"{tag} Caídas de red", "Se repiten las caídas.", 21, null), [incident.Id]);
        Did(incident, f.Supervisor);
        await problems.UnlinkAsync(f.Supervisor, problem.Id, incident.Id, "No era la misma causa.");
        Did(incident, f.Supervisor);

        var availability = f.App.Service<AgentAvailability>();
        var away = await Register("teclado");
        away = await Do(f.OtherTechnician, t => commands.TakeAsync(f.OtherTechnician, t.Id, t.Version), away);
        await availability.SetAsync(f.OtherTechnician, f.OtherTechnician.UserId, available: false);
        await Do(f.Technician, t => commands.TakeOverAsync(f.Technician, t.Id, t.Version, "Ana está de vacaciones."), away);
        await availability.SetAsync(f.OtherTechnician, f.OtherTechnician.UserId, available: true);

        walk.MoveNext().Should().BeFalse("the walk makes every change of the table");
        return steps;
    }

    private HubConnection Connect(CookieContainer cookies)
    {
        var url = new Uri(f.App.Server.BaseAddress, QueueHub.Path.TrimStart('/'));
        return new HubConnectionBuilder()
            .WithUrl(url, o =>
            {
                o.Transports = HttpTransportType.LongPolling; // the in-memory test server speaks HTTP only
                o.HttpMessageHandlerFactory = _ => f.App.Server.CreateHandler();
                o.Headers["Cookie"] = cookies.GetCookieHeader(url);
            })
            .Build();
    }
}
