using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Components;

namespace Siget.Console.Components.Shared;

/// <summary>
/// The SLA countdown of queues, board cards and the ticket page as markup: its colour (on time, at risk from 75 % of
/// the target, overdue), its text, and the instants sla-clock.js keeps counting down from in the browser.
/// Written as text rather than as a component because a queue shows about 40 of them per open screen.
/// </summary>
public static class SlaClock
{
    /// <summary>Encodes what HTML needs (&lt; &gt; &amp; quotes) and leaves Spanish letters readable.</summary>
    internal static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public static MarkupString Markup(DateTime? dueUtc, DateTime? warnAtUtc, string label, DateTime nowUtc)
    {
        var html = new StringBuilder(192);
        Write(html, dueUtc, warnAtUtc, label, nowUtc);
        return new MarkupString(html.ToString());
    }

    public static void Write(StringBuilder html, DateTime? dueUtc, DateTime? warnAtUtc, string label, DateTime nowUtc)
    {
        if (dueUtc is not { } due)
        {
            html.Append("<span class=\"sla sla-none\">—</span>");
            return;
        }
        var remaining = due - nowUtc;
        var css = remaining < TimeSpan.Zero ? "sla-breached" : warnAtUtc is { } warn && nowUtc >= warn ? "sla-risk" : "sla-ok";
        html.Append("<span class=\"sla ").Append(css).Append("\" data-sla-due=\"").Append(Iso(due)).Append('"');
        if (warnAtUtc is { } w) html.Append(" data-sla-warn=\"").Append(Iso(w)).Append('"');
        html.Append(" title=\"").Append(Encoder.Encode($"{label}: {Format.Lima(due)} (hora de Lima)")).Append("\">")
            .Append(remaining < TimeSpan.Zero ? $"Vencido hace {Format.Duration(remaining)}" : $"Vence en {Format.Duration(remaining)}")
            .Append("</span>");
    }

    private static string Iso(DateTime utc) =>
        DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
}
