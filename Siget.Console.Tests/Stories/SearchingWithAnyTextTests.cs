using Siget.Console.Services.Administration;
using Siget.Console.Services.Knowledge;
using Siget.Console.Services.People;
using Siget.Console.Services.Problems;
using Siget.Console.Services.Tickets;
using Siget.Console.Tests.Infrastructure;
using Siget.Core.Access;
using Siget.Core.Knowledge;

namespace Siget.Console.Tests.Stories;

/// <summary>
/// Every search box of SIGET, fed what a script or a paste can put in it: control characters and broken characters
/// are ignored, and an endless text is cut to its first <see cref="Siget.Core.Text.SearchMaxLength"/> characters,
/// so the search answers as it would for the plain words, and never fails.
/// </summary>
[Collection(HelpDeskCollection.Name)]
public class SearchingWithAnyTextTests(HelpDeskFixture f)
{
    public enum SearchBox { Queue, Requesters, Users, Audit, Knowledge, Problems }

    public static TheoryData<SearchBox> Boxes() => new(Enum.GetValues<SearchBox>());

    [Theory]
    [MemberData(nameof(Boxes))]
    public async Task Control_and_broken_characters_in_a_search_are_ignored(SearchBox box)
    {
        var tag = HelpDeskFixture.NewTag();
        var count = await PrepareAsync(box, tag);
        (await count(tag)).Should().Be(1, "the plain search finds the one record made for this test");

        (await count($"\0{tag}\u0007\uD800")).Should().Be(1);
    }

    [Theory]
    [MemberData(nameof(Boxes))]
    public async Task A_search_of_any_length_answers_with_what_its_first_characters_find(SearchBox box)
    {
        var tag = HelpDeskFixture.NewTag();
        var count = await PrepareAsync(box, tag);

        (await count(tag + new string(' ', 100_000) + "zzz")).Should().Be(1, "only the first 200 characters are searched");
        var manyWords = () => count(string.Join(' ', Enumerable.Repeat("a", 50_000)));
        await manyWords.Should().NotThrowAsync("50,000 words must not become 50,000 conditions of one query");
    }

    /// <summary>Makes one record with <paramref name="tag"/> that the search box finds, and returns how to count its results.</summary>
    private async Task<Func<string, Task<int>>> PrepareAsync(SearchBox box, string tag)
    {
        switch (box)
        {
            case SearchBox.Queue:
                await f.RegisterAsync($"{tag} impresora");
                return async text => (await f.Queries.QueueAsync(f.Supervisor, new QueueFilter { Search = text }, 0, 50)).Total;
            case SearchBox.Requesters:
                await f.App.AddPersonAsync($"r{tag}", Role.Usuario, $"Persona {tag}");
                return async text => (await f.People.SearchRequestersAsync(f.Technician, text)).Count;
            case SearchBox.Users:
            {
                var admin = await AdministratorAsync();
                await f.App.AddPersonAsync($"r{tag}", Role.Usuario, $"Persona {tag}");
                return async text => (await f.App.Service<UserAdministration>().ListAsync(admin, new UserQuery(text), 0, 50)).Total;
            }
            case SearchBox.Audit:
            {
                var admin = await AdministratorAsync();
                await f.App.Service<UserAdministration>().CreateAsync(admin, new UserForm { UserName = $"r{tag}", FullName = "Persona Auditada" }, "Nueva#Clave2026");
                return async text => (await f.App.Service<AuditLog>().SearchAsync(admin, new AuditFilter(Text: text), 0, 50)).Total;
            }
            case SearchBox.Knowledge:
                await f.App.Service<KnowledgeBase>().CreateAsync(f.Specialist, new ArticleContent($"{tag} impresora", 15, "Pasos.", ArticleVisibility.Interna));
                return async text => (await f.App.Service<KnowledgeSearch>().ListAsync(f.Specialist, new ArticleFilter { Search = text })).Total;
            case SearchBox.Problems:
                await f.App.Service<ProblemCommands>().RegisterAsync(f.Specialist, new NewProblem($"{tag} impresora", "Se repite.", 15, null), []);
                return async text => (await f.App.Service<ProblemQueries>().ListAsync(f.Specialist, [], text, 0)).Total;
            default:
                throw new ArgumentOutOfRangeException(nameof(box));
        }
    }

    private async Task<Actor> AdministratorAsync() =>
        await f.App.AddPersonAsync($"a{Guid.NewGuid():N}"[..10], Role.Administrador, "Administradora de Prueba");
}
