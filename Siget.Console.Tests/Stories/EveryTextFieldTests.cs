using Microsoft.EntityFrameworkCore;
using Siget.Console.Services.Administration;
using Siget.Console.Services.Knowledge;
using Siget.Console.Services.People;
using Siget.Console.Services.Problems;
using Siget.Console.Services.Tickets;
using Siget.Console.Tests.Infrastructure;
using Siget.Core;
using Siget.Core.Access;
using Siget.Core.Catalog;
using Siget.Core.Escalation;
using Siget.Core.Knowledge;
using Siget.Core.Tickets;

namespace Siget.Console.Tests.Stories;

/// <summary>
/// Every text a person can send with a command, whatever the screen let through (a script, another client): the
/// service keeps it without control characters (line breaks and tabs only where the text has lines), and refuses it
/// over its limit with a Spanish message, writing nothing. What is stored is read back from the database.
/// </summary>
[Collection(HelpDeskCollection.Name)]
public class EveryTextFieldTests(HelpDeskFixture f)
{
    public enum Field
    {
        TicketSubject, TicketDescription, CitizenName, CitizenDocument, ReassignNote, ReleaseNote, EscalationReason,
        SendBackReason, Solution, ReopenReason, SatisfactionComment, CancelReason, Reply,
        ProblemTitle, ProblemDescription, RootCause, Workaround, ProblemSolution, ProblemReopenReason, ProblemDiscardReason, UnlinkReason,
        ArticleTitle, ArticleBody, ArticleNote,
        UserName, FullName, Email, VendorName, ContractReference, VendorContact, UnitName, NewCatalogService, RenamedCatalogService,
    }

    /// <summary>How a field is written (one line or several), its limit, and the command that sends it and reads it back.</summary>
    private sealed record Case(bool Multiline, int MaxLength, Func<string, Task<string?>> SendAndRead);

    public static TheoryData<Field> Fields() => new(Enum.GetValues<Field>());

    [Theory]
    [MemberData(nameof(Fields))]
    public async Task Control_characters_are_not_stored_and_line_breaks_only_where_the_text_has_lines(Field field)
    {
        var tag = HelpDeskFixture.NewTag();
        var @case = await PrepareAsync(field, tag);
        var (typed, kept) = Typed(field, tag, @case.Multiline);

        var stored = await @case.SendAndRead(typed);

        stored.Should().Be(kept);
    }

    [Theory]
    [MemberData(nameof(Fields))]
    public async Task Text_over_the_limit_is_refused_in_Spanish_and_nothing_is_written(Field field)
    {
        var @case = await PrepareAsync(field, HelpDeskFixture.NewTag());
        var before = await StoredState.ReadAsync(f.App);

        var send = () => @case.SendAndRead(new string('x', @case.MaxLength + 1));

        (await send.Should().ThrowExactlyAsync<DomainException>()).Which.Message.Should().Contain($"{@case.MaxLength} caracteres");
        (await StoredState.ReadAsync(f.App)).Should().Be(before);
    }

    [Theory]
    [InlineData(Field.TicketDescription)]
    [InlineData(Field.Reply)]
    [InlineData(Field.ArticleBody)]
    public async Task Text_at_the_limit_is_kept_whole(Field field)
    {
        var @case = await PrepareAsync(field, HelpDeskFixture.NewTag());
        const string line = "Línea con tildes: ñandú.\n";
        var longest = string.Concat(Enumerable.Repeat(line, @case.MaxLength / line.Length + 1))[..(@case.MaxLength - 1)] + "x";

        (await @case.SendAndRead(longest)).Should().Be(longest);
    }

    /// <summary>What a script could type, and what the person must find stored.</summary>
    private static (string Typed, string Kept) Typed(Field field, string tag, bool multiline) => field switch
    {
        Field.CitizenDocument => ("4567\u00008901", "45678901"),
        Field.UserName => ($"u{tag}\0\u0007x", $"u{tag}x"),
        Field.Email => ($"{tag}\u202E@entidad.gob.pe\0", $"{tag}@entidad.gob.pe"),
        _ => ($"{tag} Impresora\0 del\u0007 segundo\u202E piso\uD800\r\nno\timprime",
            multiline ? $"{tag} Impresora del segundo piso\nno\timprime" : $"{tag} Impresora del segundo piso no imprime"),
    };

    private async Task<Case> PrepareAsync(Field field, string tag)
    {
        var commands = f.Commands;
        var problems = f.App.Service<ProblemCommands>();
        switch (field)
        {
            case Field.TicketSubject:
                return new(false, TicketLimits.SubjectMaxLength, async text =>
                    (await f.StoredAsync((await f.Registration.RegisterAsync(f.Technician, HelpDeskFixture.Phoned(f.Requester, subject: text))).Id)).Subject);
            case Field.TicketDescription:
                return new(true, TicketLimits.DescriptionMaxLength, async text =>
                {
                    var request = HelpDeskFixture.Phoned(f.Requester, subject: $"{tag} descripción");
                    request.Description = text;
                    return (await f.StoredAsync((await f.Registration.RegisterAsync(f.Technician, request)).Id)).Description;
                });
            case Field.CitizenName:
                return new(false, 120, async text => (await f.StoredAsync((await RegisterCitizenAsync(tag, text, "45678901")).Id)).RequesterName);
            case Field.CitizenDocument:
                return new(false, 12, async text => (await f.StoredAsync((await RegisterCitizenAsync(tag, "Rosa Quispe", text)).Id)).CitizenDocument);
            case Field.ReassignNote:
            {
                var ticket = await f.TakenAsync($"{tag} reasignar");
                return new(true, TicketLimits.ReasonMaxLength, async text =>
                    await LastReasonAsync((await commands.ReassignAsync(f.Supervisor, ticket.Id, ticket.Version, f.OtherTechnician.UserId, text)).Id));
            }
            case Field.ReleaseNote:
            {
                var ticket = await f.TakenAsync($"{tag} liberar");
                return new(true, TicketLimits.ReasonMaxLength, async text =>
                    await LastReasonAsync((await commands.ReleaseAsync(f.Technician, ticket.Id, ticket.Version, text)).Id));
            }
            case Field.EscalationReason:
            {
                var ticket = await f.TakenAsync($"{tag} escalar");
                return new(true, TicketLimits.ReasonMaxLength, async text =>
                    await LastReasonAsync((await commands.EscalateAsync(f.Technician, ticket.Id, ticket.Version, "N1-RECURSOS", text, null)).Id));
            }
            case Field.SendBackReason:
            {
                var taken = await f.TakenAsync($"{tag} devolver");
                var ticket = await commands.EscalateAsync(f.Technician, taken.Id, taken.Version, "N1-RECURSOS", "Requiere especialista.", null);
                return new(true, TicketLimits.ReasonMaxLength, async text =>
                    await LastReasonAsync((await commands.SendBackAsync(f.Supervisor, ticket.Id, ticket.Version, SupportLevel.Nivel1, text, null)).Id));
            }
            case Field.Solution:
            {
                var ticket = await f.TakenAsync($"{tag} resolver");
                return new(true, TicketLimits.SolutionMaxLength, async text =>
                    (await f.StoredAsync((await commands.ResolveAsync(f.Technician, ticket.Id, ticket.Version, text)).Id)).Solution);
            }
            case Field.ReopenReason:
            {
                var ticket = await f.ResolvedAsync($"{tag} reabrir");
                return new(true, TicketLimits.ReasonMaxLength, async text =>
                    await LastReasonAsync((await commands.ReopenAsync(f.Requester, ticket.Id, ticket.Version, text)).Id));
            }
            case Field.SatisfactionComment:
            {
                var ticket = await f.ResolvedAsync($"{tag} calificar");
                return new(true, Satisfaction.CommentMaxLength, async text =>
                    (await f.StoredAsync((await commands.FinalizeAsync(f.Requester, ticket.Id, ticket.Version, new Satisfaction(5, text))).Id)).SatisfactionComment);
            }
            case Field.CancelReason:
            {
                var ticket = await f.RegisterAsync($"{tag} anular");
                return new(true, TicketLimits.ReasonMaxLength, async text =>
                    await LastReasonAsync((await commands.CancelAsync(f.Supervisor, ticket.Id, ticket.Version, text)).Id));
            }
            case Field.Reply:
            {
                var ticket = await f.RegisterAsync($"{tag} responder");
                return new(true, TicketMessage.BodyMaxLength, async text =>
                    (await f.App.Service<TicketConversation>().ReplyAsync(f.Technician, ticket.Id, text, isInternal: false)).Id is var id
                        ? await ReadAsync(db => db.TicketMessages.Where(m => m.Id == id).Select(m => m.Body)) : null);
            }
            case Field.ProblemTitle:
                return new(false, Siget.Core.Problems.ProblemLimits.TitleMaxLength, async text =>
                    (await problems.RegisterAsync(f.Specialist, new NewProblem(text, "Se repite cada lunes.", 15, null), [])).Id is var id
                        ? await ReadAsync(db => db.Problems.Where(p => p.Id == id).Select(p => p.Title)) : null);
            case Field.ProblemDescription:
                return new(true, Siget.Core.Problems.ProblemLimits.DescriptionMaxLength, async text =>
                    (await problems.RegisterAsync(f.Specialist, new NewProblem($"{tag} problema", text, 15, null), [])).Id is var id
                        ? await ReadAsync(db => db.Problems.Where(p => p.Id == id).Select(p => p.Description)) : null);
            case Field.RootCause:
            case Field.Workaround:
            {
                var problem = await problems.RegisterAsync(f.Specialist, new NewProblem($"{tag} error conocido", "Se repite.", 15, null), []);
                return new(true, Siget.Core.Problems.ProblemLimits.AnalysisMaxLength, async text =>
                {
                    var known = field == Field.RootCause
                        ? await problems.RecordKnownErrorAsync(f.Specialist, problem.Id, problem.Version, text, "Reiniciar el servicio.")
                        : await problems.RecordKnownErrorAsync(f.Specialist, problem.Id, problem.Version, "Certificado vencido.", text);
                    return await ReadAsync(db => db.Problems.Where(p => p.Id == known.Id).Select(p => field == Field.RootCause ? p.RootCause : p.Workaround));
                });
            }
            case Field.ProblemSolution:
            {
                var problem = await problems.RegisterAsync(f.Specialist, new NewProblem($"{tag} resolver", "Se repite.", 15, null), []);
                return new(true, Siget.Core.Problems.ProblemLimits.AnalysisMaxLength, async text =>
                    (await problems.ResolveAsync(f.Specialist, problem.Id, problem.Version, "Certificado vencido.", text, [])).Id is var id
                        ? await ReadAsync(db => db.Problems.Where(p => p.Id == id).Select(p => p.Solution)) : null);
            }
            case Field.ProblemReopenReason:
            {
                var registered = await problems.RegisterAsync(f.Specialist, new NewProblem($"{tag} reabrir", "Se repite.", 15, null), []);
                var problem = await problems.ResolveAsync(f.Specialist, registered.Id, registered.Version, "Causa.", "Solución.", []);
                return new(true, Siget.Core.Problems.ProblemLimits.ReasonMaxLength, async text =>
                    await LastProblemReasonAsync((await problems.ReopenAsync(f.Specialist, problem.Id, problem.Version, text)).Id));
            }
            case Field.ProblemDiscardReason:
            {
                var problem = await problems.RegisterAsync(f.Specialist, new NewProblem($"{tag} descartar", "Se repite.", 15, null), []);
                return new(true, Siget.Core.Problems.ProblemLimits.ReasonMaxLength, async text =>
                    await LastProblemReasonAsync((await problems.DiscardAsync(f.Supervisor, problem.Id, problem.Version, text)).Id));
            }
            case Field.UnlinkReason:
            {
                var incident = await f.RegisterAsync($"{tag} incidente");
                var problem = await problems.RegisterAsync(f.Supervisor, new NewProblem($"{tag} desvincular", "Se repite.", 15, null), [incident.Id]);
                return new(true, Siget.Core.Problems.ProblemLimits.ReasonMaxLength, async text =>
                    await LastProblemReasonAsync((await problems.UnlinkAsync(f.Supervisor, problem.Id, incident.Id, text)).Id));
            }
            case Field.ArticleTitle:
                return new(false, ArticleLimits.TitleMaxLength, async text =>
                    (await Knowledge.CreateAsync(f.Specialist, new ArticleContent(text, 15, "Pasos.", ArticleVisibility.Interna))).Id is var id
                        ? await ReadAsync(db => db.Articles.Where(a => a.Id == id).Select(a => a.Title)) : null);
            case Field.ArticleBody:
                return new(true, ArticleLimits.BodyMaxLength, async text =>
                    (await Knowledge.CreateAsync(f.Specialist, new ArticleContent($"{tag} artículo", 15, text, ArticleVisibility.Interna))).Id is var id
                        ? await ReadAsync(db => db.Articles.Where(a => a.Id == id).Select(a => a.Body)) : null);
            case Field.ArticleNote:
                return new(false, ArticleLimits.NoteMaxLength, async text =>
                    (await Knowledge.CreateAsync(f.Specialist, new ArticleContent($"{tag} artículo", 15, "Pasos.", ArticleVisibility.Interna), text)).Id is var id
                        ? await ReadAsync(db => db.ArticleVersions.Where(v => v.ArticleId == id).OrderBy(v => v.Id).Select(v => v.Note)) : null);
            case Field.UserName:
            case Field.FullName:
            case Field.Email:
            {
                var admin = await AdministratorAsync();
                return new(false, field switch { Field.UserName => 60, Field.FullName => 120, _ => 256 }, async text =>
                {
                    var form = new UserForm { UserName = $"u{tag}", FullName = "Zoila Vargas", Role = Role.Usuario };
                    if (field == Field.UserName) form.UserName = text;
                    else if (field == Field.FullName) form.FullName = text;
                    else form.Email = text;
                    var id = await f.App.Service<UserAdministration>().CreateAsync(admin, form, "Nueva#Clave2026");
                    return await ReadAsync(db => db.Users.Where(u => u.Id == id)
                        .Select(u => field == Field.UserName ? u.UserName : field == Field.FullName ? u.FullName : u.Email));
                });
            }
            case Field.VendorName:
            case Field.ContractReference:
            case Field.VendorContact:
            {
                var admin = await AdministratorAsync();
                return new(false, field == Field.ContractReference ? 100 : 200, async text =>
                {
                    var form = new VendorForm { Name = $"Empresa {tag}" };
                    if (field == Field.VendorName) form.Name = text;
                    else if (field == Field.ContractReference) form.ContractReference = text;
                    else form.Contact = text;
                    var id = await f.App.Service<OrganizationAdministration>().SaveVendorAsync(admin, null, form);
                    return await ReadAsync(db => db.VendorCompanies.Where(v => v.Id == id)
                        .Select(v => field == Field.VendorName ? v.Name : field == Field.ContractReference ? v.ContractReference : v.Contact));
                });
            }
            case Field.UnitName:
            {
                var admin = await AdministratorAsync();
                return new(false, 200, async text =>
                    await f.App.Service<OrganizationAdministration>().SaveUnitAsync(admin, null, new UnitForm { Name = text }) is var id
                        ? await ReadAsync(db => db.Units.Where(u => u.Id == id).Select(u => u.Name)) : null);
            }
            case Field.NewCatalogService:
            {
                var admin = await AdministratorAsync();
                return new(false, ServiceCategory.NameMaxLength, async text =>
                    await f.Catalog.AddAsync(admin, 3, text) is var code
                        ? await ReadAsync(db => db.Subcategories.Where(s => s.Code == code).Select(s => s.Name)) : null);
            }
            case Field.RenamedCatalogService:
            {
                var admin = await AdministratorAsync();
                var code = await f.Catalog.AddAsync(admin, 3, $"Servicio {tag}");
                return new(false, ServiceCategory.NameMaxLength, async text =>
                {
                    await f.Catalog.RenameAsync(admin, code, text);
                    return await ReadAsync(db => db.Subcategories.Where(s => s.Code == code).Select(s => s.Name));
                });
            }
            default:
                throw new ArgumentOutOfRangeException(nameof(field));
        }
    }

    private KnowledgeBase Knowledge => f.App.Service<KnowledgeBase>();

    private async Task<Ticket> RegisterCitizenAsync(string tag, string name, string document)
    {
        var request = HelpDeskFixture.Phoned(f.Requester, subject: $"{tag} ciudadano");
        request.Citizen = new CitizenRequest { FullName = name, Document = document };
        return (await f.Registration.RegisterWithCodeAsync(f.Technician, request)).Ticket;
    }

    private async Task<string?> LastReasonAsync(int ticketId) => (await f.HistoryAsync(ticketId))[^1].Reason;

    private Task<string?> LastProblemReasonAsync(int problemId) =>
        ReadAsync(db => db.ProblemHistory.Where(h => h.ProblemId == problemId).OrderByDescending(h => h.Id).Select(h => h.Reason));

    private async Task<string?> ReadAsync(Func<Siget.Console.Data.SigetDbContext, IQueryable<string?>> query)
    {
        await using var db = f.App.CreateDbContext();
        return await query(db).FirstAsync();
    }

    private async Task<Actor> AdministratorAsync() =>
        await f.App.AddPersonAsync($"a{Guid.NewGuid():N}"[..10], Role.Administrador, "Administradora de Prueba");
}
