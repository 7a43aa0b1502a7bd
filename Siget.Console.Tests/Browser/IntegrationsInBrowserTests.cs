using Microsoft.Playwright;
using Siget.Console.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Siget.Console.Tests.Browser;

[Collection(BrowserCollection.Name)]
public class IntegrationsInBrowserTests(BrowserFixture f)
{
    [Fact]
    public async Task The_administrator_creates_a_key_sees_its_secret_once_and_revokes_it()
    {
        var page = await f.SignedInPageAsync("admin");
        await page.GotoAsync($"{f.BaseUrl}/admin/integraciones");
        await page.GetByRole(AriaRole.Heading, new() { Name = "Integraciones" }).WaitForAsync();
        await BrowserFixture.WaitForCircuitAsync(page);
        await page.Locator("#clave-nombre").FillAsync("Intranet de prueba");
        await page.GetByRole(AriaRole.Button, new() { Name = "Crear clave" }).ClickAsync();

        var secret = page.GetByTestId("secreto");
        try
        {
            await secret.WaitForAsync();
        }
        finally
        {
            await page.ScreenshotAsync(new() { Path = "/tmp/siget-integraciones-created.png", FullPage = true });
        }
        (await secret.InnerTextAsync()).Should().StartWith("sgt_");
        await page.ScreenshotAsync(new() { Path = "/tmp/siget-integraciones-1366.png", FullPage = true });
        await page.GetByRole(AriaRole.Button, new() { Name = "Ya la guardé" }).ClickAsync();
        // The dialog closes on the next render; wait for it rather than reading the count once.
        await Expect(page.GetByTestId("secreto")).ToHaveCountAsync(0);

        await page.GetByRole(AriaRole.Button, new() { Name = "Revocar la clave Intranet de prueba" }).ClickAsync();
        await page.GetByText("Clave «Intranet de prueba» revocada").WaitForAsync();

        var phone = await f.SignedInPageAsync("admin", width: 390);
        await phone.GotoAsync($"{f.BaseUrl}/admin/integraciones");
        await phone.GetByRole(AriaRole.Heading, new() { Name = "Integraciones" }).WaitForAsync();
        await phone.ScreenshotAsync(new() { Path = "/tmp/siget-integraciones-390.png", FullPage = true });
    }
}
