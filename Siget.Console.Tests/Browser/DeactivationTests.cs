using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Siget.Console.Services.People;
using Siget.Core.Access;
using static Microsoft.Playwright.Assertions;

namespace Siget.Console.Tests.Browser;

/// <summary>The shared app checks live sessions every <see cref="BrowserFixture.RevalidationSeconds"/>, so the periodic check is
/// seen without waiting long, while a screen closed well before it can only have been closed by the administrator's command.</summary>
[Collection(BrowserCollection.Name)]
public class DeactivationTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_person_deactivated_by_the_administrator_loses_the_open_live_screen_at_once()
    {
        var (person, page) = await WorkingTechnicianAsync();
        try
        {
            await using (var db = browser.App.CreateDbContext())
            {
                var admin = (await db.Users.SingleAsync(u => u.UserName == "admin")).ToActor();
                await browser.App.Service<UserAdministration>().DeactivateAsync(admin, person.UserId);
            }

            // Sent to the sign-in page by the administrator's own command, well before the next periodic check.
            // Polls the address the person sees: a navigation the browser supersedes on the way (ERR_ABORTED) is not a failure.
            await Expect(page).ToHaveURLAsync(new Regex("/cuenta/ingresar"), new() { Timeout = (BrowserFixture.RevalidationSeconds - 2) * 1000 });
            await Expect(page.Locator("#usuario")).ToBeVisibleAsync();
        }
        finally { await page.Context.CloseAsync(); }
    }

    [Fact]
    public async Task A_person_deactivated_elsewhere_loses_the_open_live_screen_at_the_next_check()
    {
        var (person, page) = await WorkingTechnicianAsync();
        try
        {
            // Straight in the database, as another SIGET server would: this process is not told, its periodic check finds it.
            await using (var db = browser.App.CreateDbContext())
            {
                (await db.Users.SingleAsync(u => u.Id == person.UserId)).IsActive = false;
                await db.SaveChangesAsync();
            }

            await Expect(page).ToHaveURLAsync(new Regex("/cuenta/ingresar"), new() { Timeout = (BrowserFixture.RevalidationSeconds + 5) * 1000 });
            await Expect(page.Locator("#usuario")).ToBeVisibleAsync();
        }
        finally { await page.Context.CloseAsync(); }
    }

    private async Task<(Actor Person, Microsoft.Playwright.IPage Page)> WorkingTechnicianAsync()
    {
        var userName = $"temporal{Guid.NewGuid().ToString("N")[..6]}";
        var person = await browser.App.AddPersonAsync(userName, Role.Tecnico, "Técnico Temporal");
        var page = await browser.SignedInPageAsync(userName);
        await page.GotoAsync($"{browser.BaseUrl}/cola/mi-trabajo");
        await BrowserFixture.WaitForCircuitAsync(page);
        return (person, page);
    }
}
