using Siget.Core.Knowledge;
using Siget.Core.Tests.Support;

namespace Siget.Core.Tests.Knowledge;

public class KnowledgeAccessTests
{
    private static readonly DateTime T0 = TicketBuilder.Start;

    private static Article InState(ArticleState state, ArticleVisibility visibility)
    {
        var article = Article.Write(new ArticleContent("Conexión VPN desde casa", 5, "Instale FortiClient.", visibility), Actors.Specialist, T0);
        if (state == ArticleState.Publicado) article.Publish(new ArticleContent(article.Title, 5, article.Body, visibility), Actors.Specialist, T0, null);
        if (state == ArticleState.Archivado) article.Archive(Actors.Specialist, T0, null);
        return article;
    }

    [Theory]
    [InlineData(Person.Specialist, true)]
    [InlineData(Person.Supervisor, true)]
    [InlineData(Person.Technician, false)]
    [InlineData(Person.Administrator, false)]
    [InlineData(Person.Requester, false)]
    [InlineData(Person.Vendor, false)]
    public void Only_specialists_and_supervisors_write(Person person, bool writes)
    {
        KnowledgeAccess.MayWrite(Actors.Of(person)).Should().Be(writes);
        var write = () => Article.Write(new ArticleContent("Título", 5, "Texto", ArticleVisibility.Interna), Actors.Of(person), T0);
        if (writes) write.Should().NotThrow();
        else write.Should().Throw<DomainException>().WithMessage(KnowledgeAccess.WriteRefusal);
    }

    [Fact]
    public void A_technician_cannot_edit_an_existing_article()
    {
        var article = InState(ArticleState.Borrador, ArticleVisibility.Interna);

        var edit = () => article.Save(new ArticleContent("Otro título", 5, article.Body, ArticleVisibility.Interna), Actors.Technician, T0, null);

        edit.Should().Throw<DomainException>().WithMessage(KnowledgeAccess.WriteRefusal);
        article.Title.Should().Be("Conexión VPN desde casa");
    }

    [Theory]
    //               state                   visibility                    writer technician admin requester vendor
    [InlineData(ArticleState.Publicado, ArticleVisibility.Publica, true, true, true, true, true)]
    [InlineData(ArticleState.Publicado, ArticleVisibility.Interna, true, true, true, false, false)]
    [InlineData(ArticleState.Borrador, ArticleVisibility.Publica, true, false, false, false, false)]
    [InlineData(ArticleState.Borrador, ArticleVisibility.Interna, true, false, false, false, false)]
    [InlineData(ArticleState.Archivado, ArticleVisibility.Publica, true, false, false, false, false)]
    public void Who_reads_an_article_depends_on_its_state_and_visibility(ArticleState state, ArticleVisibility visibility,
        bool writer, bool technician, bool administrator, bool requester, bool vendor)
    {
        var article = InState(state, visibility);

        new[] { Actors.Specialist, Actors.Supervisor, Actors.Technician, Actors.Administrator, Actors.Requester, Actors.Vendor }
            .Select(a => KnowledgeAccess.MayRead(a, article))
            .Should().Equal(writer, writer, technician, administrator, requester, vendor);
    }

    [Fact]
    public void Only_the_UTI_reads_older_versions()
    {
        KnowledgeAccess.MayReadHistory(Actors.Technician).Should().BeTrue();
        KnowledgeAccess.MayReadHistory(Actors.Specialist).Should().BeTrue();
        KnowledgeAccess.MayReadHistory(Actors.Requester).Should().BeFalse();
        KnowledgeAccess.MayReadHistory(Actors.Vendor).Should().BeFalse();
    }
}
