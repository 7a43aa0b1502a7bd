using System.Text.RegularExpressions;
using Siget.Console.Services;
using Siget.Core.Access;
using static Microsoft.Playwright.Assertions;

namespace Siget.Console.Tests.Browser;

[Collection(BrowserCollection.Name)]
public class DeactivationTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_person_deactivated_while_working_loses_the_open_live_screen_within_a_minute()
    {
        var userName = $"temporal{Guid.NewGuid().ToString("N")[..6]}";
        var person = await browser.App.AddPersonAsync(userName, Role.Tecnico, "Técnico Temporal");
        var page = await browser.SignedInPageAsync(userName);
        try
        {
            await page.GotoAsync($"{browser.BaseUrl}/cola/mi-trabajo");
            await BrowserFixture.WaitForCircuitAsync(page);

            await using (var db = browser.App.CreateDbContext())
            {
                var admin = db.Users.Single(u => u.UserName == "admin").ToActor();
                await browser.App.Service<UserAdministration>().DeactivateAsync(admin, person.UserId);
            }

            // The circuit revalidates every 30 s: within a minute the screen is gone, replaced by the sign-in page.
            // Polls the address the person sees: a navigation the browser supersedes on the way (ERR_ABORTED) is not a failure.
            await Expect(page).ToHaveURLAsync(new Regex("/cuenta/ingresar"), new() { Timeout = 60_000 });
            await Expect(page.Locator("#usuario")).ToBeVisibleAsync();
        }
        finally { await page.Context.CloseAsync(); }
    }
}
