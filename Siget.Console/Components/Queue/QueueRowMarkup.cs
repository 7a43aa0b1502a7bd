using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using Siget.Console.Components.Shared;
using Siget.Console.Services.Tickets;
using Siget.Core.Catalog;
using Siget.Core.Escalation;
using Siget.Core.Priorities;
using Siget.Core.Tickets;

namespace Siget.Console.Components.Queue;

/// <summary>
/// The cells of one queue row as a single piece of markup, with MudBlazor's chip and icon classes (the look of
/// PriorityChip and StateChip); the page puts them in a <c>&lt;tr&gt;</c> keyed by ticket, so that a ticket moving up
/// the queue moves its row instead of changing every row below it. A queue keeps about 40 rows rendered per open
/// screen: as components (a row, its SLA clock, its chips) they were most of an idle screen's memory, since every
/// component keeps two render-tree buffers (dotnet-gcdump of 300 idle queues). The cells are built once per row
/// result and minute and shared by every screen showing that result (QueueWindows hands the same rows to screens
/// with the same window), so a live refresh that brings equal rows costs a lookup, and the diff sees equal text.
/// </summary>
public static class QueueRowMarkup
{
    /// <summary>Markup built at <paramref name="BuiltAtUtc"/>, showing the same until <paramref name="ValidUntilUtc"/>.</summary>
    private sealed record Built(DateTime BuiltAtUtc, DateTime ValidUntilUtc, MarkupString Html);

    private static readonly ConditionalWeakTable<QueueRow, Built> Cache = new();
    private static readonly string Star = Icons.Material.Filled.Star;

    public static MarkupString Cells(QueueRow row, DateTime nowUtc)
    {
        if (Cache.TryGetValue(row, out var built) && nowUtc >= built.BuiltAtUtc && nowUtc < built.ValidUntilUtc) return built.Html;
        var html = new MarkupString(Build(row, nowUtc, Format.Duration(nowUtc - row.RegisteredAtUtc)));
        Cache.AddOrUpdate(row, new Built(nowUtc, ValidUntil(row, nowUtc), html));
        return html;
    }

    /// <summary>
    /// The next instant the row's text can change: the age and the SLA countdown count whole minutes (or hours, which
    /// change on a minute too), and the SLA's colour changes at 75 % of its target and when it is due.
    /// </summary>
    private static DateTime ValidUntil(QueueRow row, DateTime nowUtc)
    {
        var minute = TimeSpan.TicksPerMinute;
        var until = nowUtc.AddTicks(minute - (nowUtc - row.RegisteredAtUtc).Ticks % minute);
        if (row.NextDueUtc is { } due)
        {
            var remaining = (due - nowUtc).Ticks;
            // Counting down, the text changes when the remaining time crosses a whole minute; overdue, when the overdue
            // time reaches the next one.
            var next = remaining > 0 ? remaining % minute : minute - (-remaining % minute);
            until = Min(until, nowUtc.AddTicks(Math.Max(1, next)));
            if (due > nowUtc) until = Min(until, due);
            if (row.WarnAtUtc is { } warn && warn > nowUtc) until = Min(until, warn);
        }
        return until;
    }

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;

    private static string Build(QueueRow row, DateTime nowUtc, string age)
    {
        var html = new StringBuilder(1536);

        html.Append("<td class=\"text-nowrap queue-cell-priority\" data-label=\"Prioridad\">");
        ChipLook.WritePriority(html, row.Priority);
        if (row.Preferential)
            html.Append("<svg class=\"").Append(ChipLook.PreferentialIconClass).Append("\" style=\"vertical-align:middle\" focusable=\"false\" viewBox=\"0 0 24 24\" role=\"img\" aria-label=\"Atención preferente\">")
                .Append("<title>Alta dirección o servicio de atención al ciudadano: se atiende primero</title>").Append(Star).Append("</svg>");
        html.Append("</td>");

        var number = Encode(row.Number);
        html.Append("<td class=\"text-nowrap queue-cell-number\" data-label=\"Número\"><a class=\"queue-number row-link\" href=\"tickets/")
            .Append(number).Append("\">").Append(number).Append("</a></td>");

        html.Append("<td class=\"queue-col-subject\" data-label=\"Asunto\"><div class=\"queue-subject\">").Append(Encode(row.Subject))
            .Append("</div><div class=\"queue-secondary\">").Append(row.Kind.Label()).Append(" · ").Append(Encode(row.Subcategory)).Append("</div></td>");

        html.Append("<td class=\"queue-col-requester\" data-label=\"Solicitante\"><div>").Append(Encode(row.RequesterName))
            .Append("</div><div class=\"queue-secondary\">").Append(Encode(row.UnitName)).Append("</div></td>");

        html.Append("<td class=\"text-nowrap\" data-label=\"Nivel\" title=\"").Append(row.Level.Label()).Append("\">").Append(row.Level.ShortLabel()).Append("</td>");

        html.Append("<td data-label=\"Estado\">");
        ChipLook.WriteState(html, row.State).Append("</td>");

        html.Append("<td data-label=\"Asignado a\">").Append(Encode(row.AssigneeName ?? row.VendorCompanyName ?? "Sin asignar")).Append("</td>");
        html.Append("<td class=\"text-nowrap\" data-label=\"Antigüedad\">").Append(age).Append("</td>");

        html.Append("<td class=\"queue-col-sla\" data-label=\"SLA\">");
        SlaClock.Write(html, row.NextDueUtc, row.WarnAtUtc, row.AwaitingFirstResponse ? "Primera respuesta" : "Resolución", nowUtc);
        html.Append("</td>");
        return html.ToString();
    }

    private static string Encode(string? text) => text is null ? "" : SlaClock.Encoder.Encode(text);
}
