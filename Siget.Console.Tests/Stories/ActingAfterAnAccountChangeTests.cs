using Microsoft.EntityFrameworkCore;
using Siget.Console.Services.Administration;
using Siget.Console.Services.Knowledge;
using Siget.Console.Services.Notifications;
using Siget.Console.Services.People;
using Siget.Console.Services.Problems;
using Siget.Console.Services.Tickets;
using Siget.Console.Tests.Infrastructure;
using Siget.Core;
using Siget.Core.Access;
using Siget.Core.Catalog;
using Siget.Core.Knowledge;
using Siget.Core.Priorities;

namespace Siget.Console.Tests.Stories;

/// <summary>
/// A person keeps their screen open after an administrator deactivated them or changed their role: their very next
/// command, of any kind, is refused with a message for them, and nothing is written. The commands act with the actor
/// their session was opened with, as a live screen does.
/// </summary>
[Collection(HelpDeskCollection.Name)]
public class ActingAfterAnAccountChangeTests(HelpDeskFixture f)
{
    /// <summary>Each kind of command SIGET has, as someone of the role that gives it would use it.</summary>
    public enum Command
    {
        RegisterByPhone, RegisterFromPortal, TakeTicket, ReassignOnTheBoard, Reply, RegisterProblem, WriteArticle,
        MarkArticleAsSolution, SetOwnAvailability, MarkNotificationsRead, CreateUser, SaveUnit, AddCatalogService,
        SaveSettings, DismissRecurrence,
    }

    public enum Change { Deactivated, RoleChanged }

    public static TheoryData<Command, Change> Cases()
    {
        var cases = new TheoryData<Command, Change>();
        foreach (var command in Enum.GetValues<Command>())
        foreach (var change in Enum.GetValues<Change>())
            cases.Add(command, change);
        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task The_next_command_is_refused_at_once_and_nothing_is_written(Command command, Change change)
    {
        var (role, otherRole) = Roles(command);
        var userName = $"p{Guid.NewGuid():N}"[..10];
        var person = await f.App.AddPersonAsync(userName, role, "Persona de Prueba", f.AdministrationUnitId);
        var act = await PrepareAsync(command, person);

        await ChangeAsync(userName, person, change, otherRole);
        var before = await StoredState.ReadAsync(f.App);

        var refusal = await act.Should().ThrowExactlyAsync<DomainException>();

        refusal.Which.Message.Should().Be(change == Change.Deactivated ? ActingPerson.DeactivatedMessage : ActingPerson.ChangedMessage);
        (await StoredState.ReadAsync(f.App)).Should().Be(before, "a refused command writes nothing");
    }

    [Fact]
    public async Task A_vendor_moved_to_another_company_is_refused_as_the_first_company_s_user()
    {
        var userName = $"v{Guid.NewGuid():N}"[..10];
        var vendor = await f.App.AddPersonAsync(userName, Role.Proveedor, "Proveedor de Prueba", vendorCompanyId: f.VendorCompanyId);
        await Users.UpdateAsync(await AdministratorAsync(), vendor.UserId, new UserForm
        {
            UserName = userName, FullName = vendor.Name, Role = Role.Proveedor, VendorCompanyId = f.OtherVendorCompanyId,
        });
        var before = await StoredState.ReadAsync(f.App);

        var act = () => f.App.Service<AgentAvailability>().SetAsync(vendor, vendor.UserId, false);

        (await act.Should().ThrowExactlyAsync<DomainException>()).Which.Message.Should().Be(ActingPerson.ChangedMessage);
        (await StoredState.ReadAsync(f.App)).Should().Be(before);
    }

    [Fact]
    public async Task A_person_still_active_in_the_same_role_acts_as_before()
    {
        var userName = $"t{Guid.NewGuid():N}"[..10];
        var technician = await f.App.AddPersonAsync(userName, Role.Tecnico, "Técnica Vigente");
        var ticket = await f.RegisterAsync($"{HelpDeskFixture.NewTag()} vigente");
        // An administrator edits something that changes nothing of what she may do.
        await Users.UpdateAsync(await AdministratorAsync(), technician.UserId, new UserForm
        {
            UserName = userName, FullName = "Técnica Vigente Renombrada", Role = Role.Tecnico,
        });

        var taken = await f.Commands.TakeAsync(technician, ticket.Id, ticket.Version);

        taken.AssigneeId.Should().Be(technician.UserId);
    }

    private UserAdministration Users => f.App.Service<UserAdministration>();

    private static (Role Role, Role Other) Roles(Command command) => command switch
    {
        Command.RegisterByPhone or Command.TakeTicket or Command.SetOwnAvailability or Command.MarkNotificationsRead => (Role.Tecnico, Role.Especialista),
        Command.RegisterFromPortal or Command.Reply or Command.MarkArticleAsSolution => (Role.Usuario, Role.Tecnico),
        Command.ReassignOnTheBoard or Command.DismissRecurrence => (Role.Supervisor, Role.Tecnico),
        Command.RegisterProblem or Command.WriteArticle => (Role.Especialista, Role.Tecnico),
        _ => (Role.Administrador, Role.Usuario),
    };

    /// <summary>Sets up what the command needs while the person is still active, and returns the command.</summary>
    private async Task<Func<Task>> PrepareAsync(Command command, Actor person)
    {
        var tag = HelpDeskFixture.NewTag();
        switch (command)
        {
            case Command.RegisterByPhone:
                return () => f.Registration.RegisterAsync(person, HelpDeskFixture.Phoned(f.Requester, subject: $"{tag} por teléfono"));
            case Command.RegisterFromPortal:
                return () => f.Registration.RegisterAsync(person, new RegisterTicketRequest
                {
                    Channel = Channel.Intranet, Kind = TicketKind.Incidencia, SubcategoryCode = 15, Subject = $"{tag} desde el portal",
                    Description = "No imprime.", Impact = OperatingImpact.Leve, AlternativeAvailable = true,
                });
            case Command.TakeTicket:
            {
                var ticket = await f.RegisterAsync($"{tag} por tomar");
                return () => f.Commands.TakeAsync(person, ticket.Id, ticket.Version);
            }
            case Command.ReassignOnTheBoard:
            {
                var ticket = await f.TakenAsync($"{tag} en el tablero");
                return () => f.Commands.ReassignAsync(person, ticket.Id, ticket.Version, f.OtherTechnician.UserId, null);
            }
            case Command.Reply:
            {
                var ticket = await f.RegisterAsync($"{tag} con respuesta", requester: person);
                return () => f.App.Service<TicketConversation>().ReplyAsync(person, ticket.Id, "Sigue sin imprimir.", isInternal: false);
            }
            case Command.RegisterProblem:
                return () => f.App.Service<ProblemCommands>().RegisterAsync(person, new NewProblem($"{tag} problema", "Se repite.", 15, null), []);
            case Command.WriteArticle:
                return () => f.App.Service<KnowledgeBase>().CreateAsync(person, new ArticleContent($"{tag} artículo", 15, "Pasos.", ArticleVisibility.Interna));
            case Command.MarkArticleAsSolution:
            {
                var article = await f.App.Service<KnowledgeBase>().CreateAsync(f.Specialist,
                    new ArticleContent($"{tag} artículo público", 15, "Reinicie la impresora.", ArticleVisibility.Publica), publish: true);
                return () => f.App.Service<SelfService>().RecordAsync(person, article.Id, SelfServiceOutcome.Resuelto);
            }
            case Command.SetOwnAvailability:
                return () => f.App.Service<AgentAvailability>().SetAsync(person, person.UserId, false);
            case Command.MarkNotificationsRead:
            {
                var ticket = await f.RegisterAsync($"{tag} asignado");
                await f.Commands.ReassignAsync(f.Supervisor, ticket.Id, ticket.Version, person.UserId, null); // one unread notice
                return () => f.App.Service<NotificationCenter>().MarkAllReadAsync(person);
            }
            case Command.CreateUser:
                return () => Users.CreateAsync(person, new UserForm { UserName = $"n{tag}", FullName = "Nueva Persona", Role = Role.Usuario }, "Nueva#Clave2026");
            case Command.SaveUnit:
                return () => f.App.Service<OrganizationAdministration>().SaveUnitAsync(person, null, new UnitForm { Name = $"Unidad {tag}" });
            case Command.AddCatalogService:
                return () => f.Catalog.AddAsync(person, 3, $"Servicio {tag}");
            case Command.SaveSettings:
            {
                var settings = f.App.Service<SettingsStore>().Current;
                settings.AutoFinalizeBusinessDays = settings.AutoFinalizeBusinessDays == 5 ? 4 : 5;
                return () => f.App.Service<SettingsStore>().SaveAsync(person, settings);
            }
            case Command.DismissRecurrence:
                return () => f.App.Service<RecurrenceWatch>().DismissAsync(person, 15, f.AdministrationUnitId);
            default:
                throw new ArgumentOutOfRangeException(nameof(command));
        }
    }

    private async Task ChangeAsync(string userName, Actor person, Change change, Role otherRole)
    {
        var admin = await AdministratorAsync();
        if (change == Change.Deactivated)
            await Users.DeactivateAsync(admin, person.UserId);
        else
            await Users.UpdateAsync(admin, person.UserId, new UserForm { UserName = userName, FullName = person.Name, Role = otherRole });
        await using var db = f.App.CreateDbContext();
        var stored = await db.Users.AsNoTracking().SingleAsync(u => u.Id == person.UserId);
        (stored.IsActive, stored.Role).Should().Be(change == Change.Deactivated ? (false, person.Role) : (true, otherRole));
    }

    private async Task<Actor> AdministratorAsync() =>
        await f.App.AddPersonAsync($"a{Guid.NewGuid():N}"[..10], Role.Administrador, "Administradora de Prueba");
}
