using System.Net;
using System.Text.RegularExpressions;
using Siget.Console.Tests.Infrastructure;
using Siget.Core.Tickets;

namespace Siget.Console.Tests.Screens;

/// <summary>
/// A help desk of its own with exactly one of everything in November (one ticket answered, resolved and rated by its
/// requester) and one ticket waiting in the queue: every count the screens write next to a noun agrees with it
/// ("1 calificación", never "1 calificaciones").
/// </summary>
public sealed partial class CountsInWordsTests(CountsInWordsTests.OneOfEach desk) : IClassFixture<CountsInWordsTests.OneOfEach>
{
    public sealed class OneOfEach : IAsyncLifetime
    {
        public HelpDeskFixture Desk { get; } = new();

        public async Task InitializeAsync()
        {
            await Desk.InitializeAsync();
            var rated = await Desk.ResolvedAsync("Impresora atascada", Desk.Requester);
            await Desk.Commands.FinalizeAsync(Desk.Requester, rated.Id, rated.Version, new Satisfaction(5, "Gracias"));
            await Desk.RegisterAsync("Sin acceso a la intranet");
        }

        public Task DisposeAsync() => Desk.DisposeAsync();
    }

    private const string November = "desde=2026-11-01&hasta=2026-11-30";

    [Theory]
    [InlineData("/reportes?" + November)]
    [InlineData("/reportes/informe-mensual?" + November)]
    [InlineData("/tablero")]
    public async Task A_count_of_one_is_written_with_a_singular_noun(string path)
    {
        var (client, _) = await desk.Desk.App.SignInAsync("supervisor");
        var response = await client.GetAsync(path);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var text = await TextOfAsync(response);

        OneWithAPlural().Matches(text).Select(m => m.Value).Should().BeEmpty();
    }

    /// <summary>The page as read: the text, and the labels of what has only a label.</summary>
    private static async Task<string> TextOfAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        var labels = string.Join(" · ", AriaLabel().Matches(html).Select(m => m.Groups[1].Value));
        var text = Tag().Replace(Regex.Replace(html, "<(script|style)[^>]*>.*?</\\1>", " ", RegexOptions.Singleline), " ");
        return WebUtility.HtmlDecode(Regex.Replace(text + " · " + labels, "\\s+", " "));
    }

    /// <summary>"1" (not part of a longer number) followed by a word in the plural; "mes" and "más" end in s but are not plurals.</summary>
    [GeneratedRegex(@"(?<![\d.,])\b1 (?!(?:mes|más)\b)[a-záéíóúñ]+s\b")]
    private static partial Regex OneWithAPlural();

    [GeneratedRegex("aria-label=\"([^\"]*)\"")]
    private static partial Regex AriaLabel();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tag();
}
