using Microsoft.EntityFrameworkCore;
using Siget.Console.Services.Knowledge;
using Siget.Console.Tests.Infrastructure;
using Siget.Core;
using Siget.Core.Knowledge;
using Siget.Core.Reports;

namespace Siget.Console.Tests.Knowledge;

/// <summary>The knowledge base through its services, over the shared SQLite file: who writes, who reads what, drafts
/// from tickets, suggestions and the self-service figures.</summary>
[Collection(HelpDeskCollection.Name)]
public class KnowledgeBaseTests(HelpDeskFixture desk)
{
    private KnowledgeBase Writing => desk.App.Service<KnowledgeBase>();
    private KnowledgeSearch Reading => desk.App.Service<KnowledgeSearch>();
    private SelfService SelfService => desk.App.Service<SelfService>();

    private async Task<Article> PublishedAsync(string title, ArticleVisibility visibility, int code = 15, string body = "Retire el papel atascado.")
    {
        var content = new ArticleContent(title, code, body, visibility);
        var draft = await Writing.CreateAsync(desk.Specialist, content);
        return await Writing.PublishAsync(desk.Specialist, draft.Id, draft.Version, content, null);
    }

    [Fact]
    public async Task A_requester_reads_only_published_public_articles_and_the_service_refuses_the_rest()
    {
        var tag = HelpDeskFixture.NewTag();
        var open = await PublishedAsync($"Impresora sin papel {tag}", ArticleVisibility.Publica);
        var internalOnly = await PublishedAsync($"Reinstalar el controlador {tag}", ArticleVisibility.Interna);
        var draft = await Writing.CreateAsync(desk.Specialist, new ArticleContent($"Borrador {tag}", 15, "En preparación.", ArticleVisibility.Publica));

        (await Reading.GetAsync(desk.Requester, open.Id)).Should().NotBeNull();
        (await Reading.GetAsync(desk.Requester, internalOnly.Id)).Should().BeNull();
        (await Reading.GetAsync(desk.Requester, draft.Id)).Should().BeNull();
        (await Reading.ListAsync(desk.Requester, new ArticleFilter { Search = tag })).Rows.Select(r => r.Id).Should().Equal(open.Id);
        (await Reading.ListAsync(desk.Vendor, new ArticleFilter { Search = tag })).Rows.Select(r => r.Id).Should().Equal(open.Id);
        var marking = () => SelfService.RecordAsync(desk.Requester, internalOnly.Id, SelfServiceOutcome.Resuelto);
        await marking.Should().ThrowAsync<DomainException>().WithMessage(KnowledgeAccess.NotFound);

        // The UTI: a technician reads both published ones, the writer also the draft.
        (await Reading.ListAsync(desk.Technician, new ArticleFilter { Search = tag })).Rows.Select(r => r.Id).Should().BeEquivalentTo([open.Id, internalOnly.Id]);
        (await Reading.ListAsync(desk.OtherSpecialist, new ArticleFilter { Search = tag })).Total.Should().Be(3);
        (await Reading.GetAsync(desk.Requester, open.Id))!.Versions.Should().BeEmpty("older versions are the UTI's");
        (await Reading.GetAsync(desk.Technician, open.Id))!.Versions.Select(v => v.Version).Should().Equal(2, 1);
    }

    [Fact]
    public async Task A_technician_cannot_write_and_nothing_is_saved()
    {
        await using var db = desk.App.CreateDbContext();
        var before = await db.Articles.CountAsync();
        var article = await PublishedAsync($"Atasco {HelpDeskFixture.NewTag()}", ArticleVisibility.Interna);

        var create = () => Writing.CreateAsync(desk.Technician, new ArticleContent("Mi truco", 15, "Golpear la bandeja.", ArticleVisibility.Publica));
        var edit = () => Writing.SaveAsync(desk.Technician, article.Id, article.Version, new ArticleContent("Otro", 15, "Otro", ArticleVisibility.Publica), null);
        var draft = async () => await Writing.DraftFromTicketAsync(desk.Technician, (await desk.ResolvedAsync($"Impresora {HelpDeskFixture.NewTag()}")).Id);

        await create.Should().ThrowAsync<DomainException>().WithMessage(KnowledgeAccess.WriteRefusal);
        await edit.Should().ThrowAsync<DomainException>().WithMessage(KnowledgeAccess.WriteRefusal);
        await draft.Should().ThrowAsync<DomainException>().WithMessage(KnowledgeAccess.WriteRefusal);
        (await db.Articles.CountAsync()).Should().Be(before + 1);
        (await db.ArticleVersions.CountAsync(v => v.ArticleId == article.Id)).Should().Be(2);
    }

    [Fact]
    public async Task A_resolved_tickets_solution_becomes_an_internal_draft_in_one_step_and_only_once()
    {
        var ticket = await desk.ResolvedAsync($"La impresora atasca el papel {HelpDeskFixture.NewTag()}");

        var article = await Writing.DraftFromTicketAsync(desk.Supervisor, ticket.Id);

        await using var db = desk.App.CreateDbContext();
        var stored = await db.Articles.AsNoTracking().Include(a => a.Versions).SingleAsync(a => a.Id == article.Id);
        stored.Should().BeEquivalentTo(new
        {
            Title = ticket.Subject, ticket.SubcategoryCode, State = ArticleState.Borrador, Visibility = ArticleVisibility.Interna,
            SourceTicketId = ticket.Id, SourceTicketNumber = ticket.Number, AuthorId = desk.Supervisor.UserId, Version = 1,
        });
        stored.Body.Should().Be($"## Síntoma\n\n{ticket.Description}\n\n## Solución\n\nSe retiró el papel atascado y se imprimió una página de prueba.");
        stored.Versions.Should().ContainSingle().Which.Note.Should().Be($"Borrador creado a partir del ticket {ticket.Number}");
        (await Reading.DraftedFromAsync(desk.Specialist, ticket.Id)).Should().Be(article.Id);

        var again = () => Writing.DraftFromTicketAsync(desk.Supervisor, ticket.Id);
        await again.Should().ThrowAsync<DomainException>().WithMessage($"Ya existe el artículo {article.Number} creado a partir del ticket {ticket.Number}.");
    }

    [Fact]
    public async Task An_open_ticket_or_one_the_writer_cannot_see_gives_no_draft()
    {
        var open = await desk.TakenAsync($"Sin resolver {HelpDeskFixture.NewTag()}");
        var levelOne = await desk.ResolvedAsync($"Nivel 1 {HelpDeskFixture.NewTag()}");

        var fromOpen = () => Writing.DraftFromTicketAsync(desk.Supervisor, open.Id);
        var unseen = () => Writing.DraftFromTicketAsync(desk.Specialist, levelOne.Id); // a specialist sees levels 2 and 3

        await fromOpen.Should().ThrowAsync<DomainException>().WithMessage("Solo se crea un artículo a partir de un ticket resuelto o finalizado con su solución.");
        await unseen.Should().ThrowAsync<DomainException>().WithMessage("No se encontró el ticket.");
    }

    [Fact]
    public async Task Saving_over_a_newer_version_is_refused_and_keeps_the_other_persons_change()
    {
        var content = new ArticleContent($"VPN {HelpDeskFixture.NewTag()}", 5, "Instale FortiClient.", ArticleVisibility.Interna);
        var article = await Writing.CreateAsync(desk.Specialist, content);
        await Writing.SaveAsync(desk.OtherSpecialist, article.Id, article.Version, content with { Body = "Instale FortiClient 7." }, "Versión 7");

        var stale = () => Writing.SaveAsync(desk.Specialist, article.Id, article.Version, content with { Body = "Otra cosa." }, null);

        await stale.Should().ThrowAsync<ArticleConflictException>().WithMessage("Otra persona modificó el artículo*");
        var current = (await Reading.GetAsync(desk.Specialist, article.Id))!;
        (current.Article.Body, current.Article.Version, current.Versions.Count).Should().Be(("Instale FortiClient 7.", 2, 2));
    }

    [Fact]
    public async Task An_unknown_service_or_an_empty_title_is_refused_in_Spanish()
    {
        var unknown = () => Writing.CreateAsync(desk.Specialist, new ArticleContent("Algo", 999, "Texto", ArticleVisibility.Interna));
        var untitled = () => Writing.CreateAsync(desk.Specialist, new ArticleContent(" ", 15, "Texto", ArticleVisibility.Interna));

        await unknown.Should().ThrowAsync<DomainException>().WithMessage("El servicio elegido no existe en el catálogo o fue retirado.");
        await untitled.Should().ThrowAsync<DomainException>().WithMessage("Complete el título.");
    }

    [Fact]
    public async Task An_older_version_can_be_read_by_the_UTI()
    {
        var content = new ArticleContent($"Zoom {HelpDeskFixture.NewTag()}", 42, "Use la versión web.", ArticleVisibility.Publica);
        var article = await Writing.CreateAsync(desk.Specialist, content);
        await Writing.PublishAsync(desk.Specialist, article.Id, article.Version, content with { Body = "Actualice Zoom." }, "Nueva versión de Zoom");

        var first = (await Reading.GetAsync(desk.Technician, article.Id, version: 1))!;

        (first.Body, first.Shown!.State, first.Article.Body).Should().Be(("Use la versión web.", ArticleState.Borrador, "Actualice Zoom."));
        var asRequester = () => Reading.GetAsync(desk.Requester, article.Id, version: 1);
        await asRequester.Should().ThrowAsync<DomainException>().WithMessage("El artículo no tiene una versión 1 que usted pueda ver.");
    }

    [Fact]
    public async Task The_ticket_suggests_its_services_published_articles_and_the_portal_only_public_ones()
    {
        var tag = HelpDeskFixture.NewTag();
        var pub = await PublishedAsync($"Teléfono IP sin tono {tag}", ArticleVisibility.Publica, code: 40, body: $"Revise el cable de red {tag}.");
        var internalOnly = await PublishedAsync($"Reiniciar la central IP {tag}", ArticleVisibility.Interna, code: 40, body: $"Acceso a la central {tag}.");
        var ticket = await desk.Registration.RegisterAsync(desk.Technician,
            HelpDeskFixture.Phoned(desk.Requester, subject: $"El teléfono IP no tiene tono {tag}", code: 40));

        (await Reading.ForTicketAsync(desk.Technician, ticket)).Select(s => s.Id).Should().Contain([pub.Id, internalOnly.Id]);
        (await Reading.ForRequestAsync(desk.Requester, $"mi teléfono no tiene tono {tag}", null)).Select(s => s.Id).Should().Equal(pub.Id);
        (await Reading.ForRequestAsync(desk.Requester, "", 40)).Should().BeEmpty();
    }

    [Fact]
    public async Task Opening_a_suggestion_and_saying_it_solved_the_problem_is_counted_for_the_supervisor_only()
    {
        var period = ReportPeriod.Month(2026, desk.App.Clock.GetUtcNow().Month);
        var article = await PublishedAsync($"Cambiar la clave del wifi {HelpDeskFixture.NewTag()}", ArticleVisibility.Publica, code: 22);
        var before = await SelfService.FiguresAsync(desk.Supervisor, period);

        await SelfService.RecordAsync(desk.Requester, article.Id, SelfServiceOutcome.Consultado);
        await SelfService.RecordAsync(desk.Requester, article.Id, SelfServiceOutcome.Resuelto);
        await SelfService.RecordAsync(desk.OtherRequester, article.Id, SelfServiceOutcome.Consultado);
        await SelfService.RecordAsync(desk.Technician, article.Id, SelfServiceOutcome.Resuelto); // staff are not self-service

        var after = await SelfService.FiguresAsync(desk.Supervisor, period);
        (after.Opened - before.Opened, after.Resolved - before.Resolved).Should().Be((2, 1));
        after.Top.Should().ContainEquivalentOf(new SelfServiceArticle(article.Id, article.Title, 1, 2));
        (await SelfService.FiguresAsync(desk.Supervisor, ReportPeriod.Month(2026, 1))).Should().BeEquivalentTo(new SelfServiceFigures(0, 0, []));
        var asVendor = () => SelfService.FiguresAsync(desk.Vendor, period);
        var asTechnician = () => SelfService.FiguresAsync(desk.Technician, period);
        await asVendor.Should().ThrowAsync<DomainException>().WithMessage(SelfService.ReportRefusal);
        await asTechnician.Should().ThrowAsync<DomainException>().WithMessage(SelfService.ReportRefusal);
    }
}
