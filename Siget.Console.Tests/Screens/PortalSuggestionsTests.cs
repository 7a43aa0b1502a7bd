using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Siget.Console.Components.Knowledge;
using Siget.Console.Services.Knowledge;
using Siget.Console.Tests.Infrastructure;
using Siget.Core.Knowledge;

namespace Siget.Console.Tests.Screens;

/// <summary>The portal's suggestions while a requester describes a problem: after a pause, public articles only.</summary>
[Collection(ScreensCollection.Name)]
public class PortalSuggestionsTests : ScreenContext
{
    public PortalSuggestionsTests(HelpDeskFixture desk) : base(desk)
    {
        Bunit.Services.AddSingleton(desk.App.Service<KnowledgeSearch>());
        Bunit.Services.AddSingleton(desk.App.Service<SelfService>());
        Bunit.Services.AddSingleton(desk.App.Service<MarkdownRenderer>());
        SignIn(desk.Requester);
    }

    [Fact]
    public async Task Public_articles_that_share_the_requesters_words_appear_after_a_pause_and_internal_ones_never()
    {
        var tag = HelpDeskFixture.NewTag();
        var writing = Desk.App.Service<KnowledgeBase>();
        var open = new ArticleContent($"Proyector sin imagen {tag}", 16, "Revise el cable HDMI.", ArticleVisibility.Publica);
        var hidden = new ArticleContent($"Proyector: restablecer lámpara {tag}", 16, "Menú de servicio.", ArticleVisibility.Interna);
        var publicArticle = await writing.CreateAsync(Desk.Specialist, open, publish: true);
        await writing.CreateAsync(Desk.Specialist, hidden, publish: true);

        var panel = Bunit.Render<PortalSuggestions>(p => p.Add(x => x.Subject, $"El proyector {tag} no muestra imagen"));
        panel.FindAll(".kb-suggestion-open").Should().BeEmpty("nothing is looked up while the requester is still typing");

        Desk.App.Clock.Advance(PortalSuggestions.Pause);

        panel.WaitForAssertion(() => panel.FindAll(".kb-suggestion-open").Select(b => b.TextContent).Should().Equal(publicArticle.Title));
        panel.Markup.Should().Contain("¿Le sirve alguna de estas soluciones?");
    }
}
