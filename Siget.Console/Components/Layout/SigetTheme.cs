using MudBlazor;

namespace Siget.Console.Components.Layout;

internal static class SigetTheme
{
    // Institutional dark red with white text keeps a contrast ratio above 7:1.
    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#9E1B32",
            Secondary = "#1F4E79",
            AppbarBackground = "#9E1B32",
            Background = "#F5F6F8",
            DrawerBackground = "#FFFFFF",
            Success = "#2E7D32",
            Warning = "#B26A00",
            Error = "#C62828",
            Info = "#1565C0",
            TextSecondary = "rgba(0,0,0,0.68)",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = ["system-ui", "Segoe UI", "Roboto", "Helvetica", "Arial", "sans-serif"] },
        },
    };
}
