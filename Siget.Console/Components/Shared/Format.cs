using System.Globalization;
using Siget.Core.Sla;

namespace Siget.Console.Components.Shared;

/// <summary>Dates are stored in UTC and shown in America/Lima.</summary>
public static class Format
{
    public static readonly CultureInfo Peru = CultureInfo.GetCultureInfo("es-PE");

    public static DateTime ToLima(DateTime utc) => LimaTime.FromUtc(utc);

    /// <summary>A Lima wall-clock time (a date picked on screen) as UTC.</summary>
    public static DateTime FromLima(DateTime lima) => LimaTime.ToUtc(lima);

    public static string Lima(DateTime utc) => ToLima(utc).ToString("dd/MM/yyyy HH:mm", Peru);

    public static string Lima(DateTime? utc) => utc is { } value ? Lima(value) : "—";

    /// <summary>"3 h 20 min", "2 d 4 h", "15 min".</summary>
    public static string Duration(TimeSpan span)
    {
        span = span.Duration();
        if (span.TotalDays >= 1) return $"{(int)span.TotalDays} d {span.Hours} h";
        if (span.TotalHours >= 1) return $"{(int)span.TotalHours} h {span.Minutes} min";
        return $"{Math.Max(1, (int)span.TotalMinutes)} min";
    }

    /// <summary>
    /// Business time, in hours and minutes (a business "day" is not 24 hours, so no days). No-break spaces keep each
    /// number with its unit when a narrow column wraps it ("10 h" over "21 min").
    /// </summary>
    public static string Hours(TimeSpan span)
    {
        span = span.Duration();
        var hours = (int)span.TotalHours;
        return hours == 0 ? $"{span.Minutes}\u00A0min" : span.Minutes == 0 ? $"{hours}\u00A0h" : $"{hours}\u00A0h {span.Minutes}\u00A0min";
    }
}
