using Siget.Core.Knowledge;
using Siget.Core.Tests.Support;
using Siget.Core.Tickets;

namespace Siget.Core.Tests.Knowledge;

public class ArticleVersioningTests
{
    private static readonly DateTime T0 = TicketBuilder.Start;
    private static readonly ArticleContent Printer = new("La impresora no imprime", 15,
        "## Síntoma\n\nLa impresora muestra atasco.\n\n## Solución\n\nRetire el papel de la bandeja 2.", ArticleVisibility.Publica);

    [Fact]
    public void A_new_article_is_a_draft_at_version_1_with_one_version_that_says_who_wrote_it()
    {
        var article = Article.Write(Printer, Actors.Specialist, T0);

        (article.State, article.Version, article.AuthorName, article.CreatedAtUtc).Should()
            .Be((ArticleState.Borrador, 1, Actors.Specialist.Name, T0));
        article.Versions.Should().ContainSingle().Which.Should().BeEquivalentTo(new
        {
            Version = 1, Title = "La impresora no imprime", SubcategoryCode = 15, State = ArticleState.Borrador,
            Visibility = ArticleVisibility.Publica, EditedByName = Actors.Specialist.Name, EditedAtUtc = T0, Note = "Borrador creado",
        });
        article.SearchText.Should().Contain("sintoma").And.Contain("impresora").And.NotContain("Í");
    }

    [Fact]
    public void Each_edit_publication_and_archiving_appends_a_version_with_the_content_of_that_moment()
    {
        var article = Article.Write(Printer, Actors.Specialist, T0);
        var corrected = Printer with { Body = "Retire el papel de las bandejas 1 y 2." };

        article.Save(corrected, Actors.OtherSpecialist, T0.AddMinutes(5), "Se agregó la bandeja 1");
        article.Publish(corrected with { Title = "Atasco de papel en la impresora" }, Actors.Supervisor, T0.AddMinutes(10), null);
        article.Archive(Actors.Specialist, T0.AddMinutes(15), "Equipo dado de baja");

        article.Versions.Select(v => (v.Version, v.State, v.Title, v.Body, v.EditedByName, v.Note)).Should().Equal(
            (1, ArticleState.Borrador, "La impresora no imprime", Printer.Body!, Actors.Specialist.Name, "Borrador creado"),
            (2, ArticleState.Borrador, "La impresora no imprime", corrected.Body!, Actors.OtherSpecialist.Name, "Se agregó la bandeja 1"),
            (3, ArticleState.Publicado, "Atasco de papel en la impresora", corrected.Body!, Actors.Supervisor.Name, "Publicado"),
            (4, ArticleState.Archivado, "Atasco de papel en la impresora", corrected.Body!, Actors.Specialist.Name, "Equipo dado de baja"));
        (article.Version, article.State, article.PublishedAtUtc, article.UpdatedByName, article.UpdatedAtUtc).Should()
            .Be((4, ArticleState.Archivado, T0.AddMinutes(10), Actors.Specialist.Name, T0.AddMinutes(15)));
    }

    [Fact]
    public void Saving_a_published_article_keeps_it_published()
    {
        var article = Article.Write(Printer, Actors.Specialist, T0);
        article.Publish(Printer, Actors.Specialist, T0.AddMinutes(1), null);

        article.Save(Printer with { Visibility = ArticleVisibility.Interna }, Actors.Specialist, T0.AddMinutes(2), null);

        (article.State, article.Visibility, article.Version).Should().Be((ArticleState.Publicado, ArticleVisibility.Interna, 3));
        article.Versions[^1].Note.Should().Be("Contenido actualizado");
    }

    [Fact]
    public void Saving_without_changes_is_refused_and_adds_no_version()
    {
        var article = Article.Write(Printer, Actors.Specialist, T0);

        var save = () => article.Save(Printer, Actors.Specialist, T0.AddMinutes(1), "nada");

        save.Should().Throw<DomainException>().WithMessage("No hay cambios que guardar.");
        article.Versions.Should().HaveCount(1);
        article.Version.Should().Be(1);
    }

    [Fact]
    public void Archiving_an_archived_article_is_refused()
    {
        var article = Article.Write(Printer, Actors.Specialist, T0);
        article.Archive(Actors.Specialist, T0.AddMinutes(1), null);

        var again = () => article.Archive(Actors.Supervisor, T0.AddMinutes(2), null);

        again.Should().Throw<DomainException>().WithMessage("El artículo ya está archivado.");
    }

    [Theory]
    [InlineData("", "Complete el título.")]
    [InlineData("   ", "Complete el título.")]
    public void An_article_without_a_title_is_refused_in_Spanish(string title, string message)
    {
        var write = () => Article.Write(Printer with { Title = title }, Actors.Specialist, T0);

        write.Should().Throw<DomainException>().WithMessage(message);
    }

    [Fact]
    public void Too_long_a_title_empty_body_missing_service_or_long_note_are_refused_in_Spanish()
    {
        FluentActions.Invoking(() => Article.Write(Printer with { Title = new string('a', ArticleLimits.TitleMaxLength + 1) }, Actors.Specialist, T0))
            .Should().Throw<DomainException>().WithMessage($"Escriba como máximo {ArticleLimits.TitleMaxLength} caracteres en el título.");
        FluentActions.Invoking(() => Article.Write(Printer with { Body = " " }, Actors.Specialist, T0))
            .Should().Throw<DomainException>().WithMessage("Complete el contenido del artículo.");
        FluentActions.Invoking(() => Article.Write(Printer with { SubcategoryCode = 0 }, Actors.Specialist, T0))
            .Should().Throw<DomainException>().WithMessage("Elija el servicio del catálogo al que se refiere el artículo.");
        FluentActions.Invoking(() => Article.Write(Printer, Actors.Specialist, T0, new string('n', ArticleLimits.NoteMaxLength + 1)))
            .Should().Throw<DomainException>().WithMessage($"Escriba como máximo {ArticleLimits.NoteMaxLength} caracteres en la nota del cambio.");
    }

    [Fact]
    public void A_resolved_tickets_solution_becomes_an_internal_draft_with_its_symptom_and_solution()
    {
        var ticket = new TicketBuilder().InState(TicketState.Resuelto);

        var article = Article.DraftFromTicket(ticket, Actors.Specialist, T0.AddHours(1));

        article.Should().BeEquivalentTo(new
        {
            Title = ticket.Subject, SubcategoryCode = ticket.SubcategoryCode, Visibility = ArticleVisibility.Interna, State = ArticleState.Borrador,
            SourceTicketId = ticket.Id, SourceTicketNumber = ticket.Number, Version = 1,
        });
        article.Body.Should().Be($"## Síntoma\n\n{ticket.Description}\n\n## Solución\n\n{TicketBuilder.Solution}");
        article.Versions.Single().Note.Should().Be($"Borrador creado a partir del ticket {ticket.Number}");
    }

    [Theory]
    [InlineData(TicketState.EnCola)]
    [InlineData(TicketState.EnProceso)]
    [InlineData(TicketState.Anulado)]
    public void A_ticket_without_a_solution_gives_no_draft(TicketState state)
    {
        var ticket = new TicketBuilder().InState(state);

        var draft = () => Article.DraftFromTicket(ticket, Actors.Specialist, T0);

        draft.Should().Throw<DomainException>().WithMessage("Solo se crea un artículo a partir de un ticket resuelto o finalizado con su solución.");
    }
}
