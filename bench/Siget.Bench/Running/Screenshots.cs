using Microsoft.Playwright;
using Siget.Bench.Data;
using Siget.Bench.Scenarios;

namespace Siget.Bench.Running;

/// <summary>
/// <c>screenshots [--out folder]</c>: the screens the benchmark loads, at full scale, as a person sees them (desktop and
/// phone widths), to look at what a performance change did to them.
/// </summary>
public static class Screenshots
{
    private static readonly (string User, string Path, string Name)[] Screens =
    [
        (BenchPeople.TechnicianName(0), "cola/todos", "cola"),
        (BenchPeople.TechnicianName(0), "cola/todos?prioridad=Alta&canal=Telefono", "cola-filtrada"),
        (BenchPeople.SupervisorName(0), "tablero", "tablero"),
        (BenchPeople.SupervisorName(0), "reportes", "reportes"),
        ("adm01", "admin/usuarios", "admin-usuarios"),
        (BenchPeople.RequesterName(0), "portal", "portal"),
    ];

    public static async Task TakeAsync(string databasePath, string folder)
    {
        Directory.CreateDirectory(folder);
        await using var server = await BenchServer.StartAsync(databasePath);
        await using var browsers = await BenchBrowsers.LaunchAsync(server.BaseUri);
        foreach (var (user, path, name) in Screens)
        {
            var page = await browsers.OpenAsync(user, path);
            await Task.Delay(1500); // the virtualised rows arrive with the circuit
            foreach (var width in new[] { 1366, 390 })
            {
                await page.SetViewportSizeAsync(width, width > 800 ? 900 : 844);
                await Task.Delay(500);
                var file = Path.Combine(folder, $"{name}-{width}.png");
                await page.ScreenshotAsync(new PageScreenshotOptions { Path = file });
                System.Console.WriteLine(file);
            }
            await page.Context.CloseAsync();
        }
    }
}
