using System.Collections;
using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using Bunit;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Siget.Console.Tests.Infrastructure;

namespace Siget.Console.Tests.Screens;

/// <summary>MudBlazor's own texts (its messages, buttons and labels) reach people in Spanish, through SIGET's localizer.</summary>
[Collection(ScreensCollection.Name)]
public class MudBlazorInSpanishTests : ScreenContext
{
    public MudBlazorInSpanishTests(HelpDeskFixture desk) : base(desk) =>
        Bunit.Services.AddTransient(_ => desk.App.Service<MudLocalizer>());

    /// <summary>MudBlazor's English texts, by key, from the resources of the MudBlazor the app runs with.</summary>
    private static Dictionary<string, string> EnglishTexts()
    {
        var resources = new ResourceManager("MudBlazor.Resources.LanguageResource", typeof(MudButton).Assembly);
        return resources.GetResourceSet(CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: true)!
            .Cast<DictionaryEntry>().ToDictionary(e => (string)e.Key, e => (string)e.Value!);
    }

    [Fact]
    public void Every_text_of_MudBlazor_has_a_Spanish_translation_with_the_same_placeholders()
    {
        var localizer = Desk.App.Service<MudLocalizer>();
        var english = EnglishTexts();
        english.Should().NotBeEmpty();

        var untranslated = english.Where(e => Regex.IsMatch(e.Value, "[A-Za-z]{2}") && localizer[e.Key] is var spanish
                && (spanish.ResourceNotFound || spanish.Value == e.Value || spanish.Value == e.Key))
            .Select(e => $"{e.Key}: {e.Value}");
        var placeholders = english.Where(e => Placeholders(localizer[e.Key].Value) != Placeholders(e.Value))
            .Select(e => $"{e.Key}: «{localizer[e.Key].Value}» for «{e.Value}»");

        untranslated.Should().BeEmpty();
        placeholders.Should().BeEmpty();
    }

    [Fact]
    public void Picking_more_files_than_allowed_is_refused_in_Spanish()
    {
        var upload = Bunit.Render<MudFileUpload<IReadOnlyList<IBrowserFile>>>(p => p.Add(u => u.MaximumFileCount, 10));

        upload.FindComponent<InputFile>().UploadFiles(Enumerable.Range(1, 11)
            .Select(i => InputFileContent.CreateFromText("captura", $"captura{i}.txt")).ToArray());

        upload.WaitForAssertion(() => upload.Markup.Should().Contain("Se eligieron 11 archivos; el máximo es 10.").And.NotContain("Selected"));
    }

    private static string Placeholders(string text) => string.Join(",", Regex.Matches(text, @"\{\d+\}").Select(m => m.Value).Order());
}
