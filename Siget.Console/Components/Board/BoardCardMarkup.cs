using System.Text;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using Siget.Console.Components.Shared;
using Siget.Console.Services.Board;
using Siget.Core.Escalation;
using Siget.Core.Priorities;

namespace Siget.Console.Components.Board;

/// <summary>
/// What a board card shows, as markup: its priority, number, subject, subcategory, unit and SLA clock, and the
/// "Mover" button that does what dragging does (keyboard and screen readers; board.js hands its press to the page).
/// A board shows about 1,700 cards: as components with a chip, a menu and handlers each, they were most of the
/// board's render time and memory.
/// </summary>
public static class BoardCardMarkup
{
    /// <summary>The icons the cards use, once per board; each card refers to them (<c>&lt;use href&gt;</c>).</summary>
    public static MarkupString Symbols { get; } = new(
        "<svg aria-hidden=\"true\" focusable=\"false\" style=\"display:none\">" +
        $"<symbol id=\"board-icon-star\" viewBox=\"0 0 24 24\">{Icons.Material.Filled.Star}</symbol>" +
        $"<symbol id=\"board-icon-move\" viewBox=\"0 0 24 24\">{Icons.Material.Filled.MoreVert}</symbol></svg>");

    public static MarkupString Inner(BoardCard card, DateTime nowUtc)
    {
        var encode = SlaClock.Encoder;
        var number = encode.Encode(card.Number);
        var html = new StringBuilder(900);
        ChipLook.WritePriority(html.Append("<div class=\"d-flex align-center gap-1\">"), card.Priority, "span");
        if (card.Preferential)
            html.Append("<svg class=\"").Append(ChipLook.PreferentialIconClass).Append("\" role=\"img\" focusable=\"false\" ")
                .Append("aria-label=\"Atención preferente\"><title>Alta dirección o servicio de atención al ciudadano: se atiende primero</title>")
                .Append("<use href=\"#board-icon-star\"></use></svg>");
        html.Append("<a class=\"queue-number\" href=\"tickets/").Append(number).Append("\">").Append(number).Append("</a>")
            .Append("<span aria-hidden=\"true\" class=\"flex-grow-1\"></span>")
            .Append("<button type=\"button\" class=\"mud-button-root mud-icon-button mud-icon-button-size-small board-card-move\" data-move=\"")
            .Append(card.Id).Append("\" aria-label=\"Mover ").Append(number).Append("\" title=\"Mover: reasignar, escalar o devolver\">")
            .Append("<svg class=\"mud-icon-root mud-svg-icon mud-icon-size-small\" aria-hidden=\"true\" focusable=\"false\"><use href=\"#board-icon-move\"></use></svg>")
            .Append("</button></div>");
        var subject = encode.Encode(card.Subject);
        html.Append("<div class=\"board-card-subject\" title=\"").Append(subject).Append("\">").Append(subject).Append("</div>")
            .Append("<div class=\"queue-secondary\">").Append(encode.Encode(card.Subcategory)).Append("</div>");
        if (card.UnitName is { } unit) html.Append("<div class=\"queue-secondary\">").Append(encode.Encode(unit)).Append("</div>");
        html.Append("<div class=\"d-flex align-center gap-2 mt-1\">");
        SlaClock.Write(html, card.NextDueUtc, card.WarnAtUtc, "Vencimiento", nowUtc);
        // At level 3 the column is the company: say which of its people holds the ticket.
        if (card.Level == SupportLevel.Nivel3 && card.AssigneeName is { } holder)
            html.Append("<span class=\"queue-secondary\">").Append(encode.Encode(holder)).Append("</span>");
        html.Append("</div>");
        return new MarkupString(html.ToString());
    }
}
