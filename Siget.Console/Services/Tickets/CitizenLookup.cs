using Microsoft.EntityFrameworkCore;
using Siget.Console.Data;
using Siget.Core.Tickets;

namespace Siget.Console.Services.Tickets;

/// <summary>What a citizen sees of their ticket: its state, where it is (none once closed), its dates, why it was
/// cancelled (what the UTI wrote for them), and the public replies. Nothing internal.</summary>
public sealed record CitizenTicketView(
    string Number, string Subject, TicketState State, string? Where, DateTime RegisteredAtUtc, DateTime? ResolvedAtUtc,
    DateTime? ClosedAtUtc, string? Solution, IReadOnlyList<CitizenReply> Replies, string? CancellationNotice = null);

public sealed record CitizenReply(string AuthorName, DateTime AtUtc, string Body);

/// <summary>
/// The public "Consultar ticket" lookup by number and access code. A wrong number and a wrong code give the same
/// answer (null) after the same work: the code is always checked, against a decoy hash when there is no such ticket.
/// </summary>
public sealed class CitizenLookup(IDbContextFactory<SigetDbContext> dbFactory)
{
    public async Task<CitizenTicketView?> FindAsync(string? number, string? code, CancellationToken ct = default)
    {
        var wanted = (number ?? "").Trim();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var ticket = wanted.Length is > 0 and <= 20
            ? await db.Tickets.AsNoTracking().Include(t => t.History).SingleOrDefaultAsync(t => t.Number == wanted && t.AccessCodeHash != null, ct)
            : null;
        var matches = AccessCode.Verify(code, ticket?.AccessCodeHash ?? AccessCode.DecoyHash);
        if (ticket is null || !matches) return null;

        var replies = await db.TicketMessages.AsNoTracking().Where(m => m.TicketId == ticket.Id && !m.Internal)
            .OrderBy(m => m.AtUtc).ThenBy(m => m.Id)
            .Select(m => new CitizenReply(m.AuthorName, m.AtUtc, m.Body)).ToListAsync(ct);
        return new CitizenTicketView(ticket.Number, ticket.Subject, ticket.State,
            RequesterWording.WhereItIs(ticket.Level, ticket.State, ticket.AssigneeName), ticket.RegisteredAtUtc, ticket.ResolvedAtUtc,
            ticket.ClosedAtUtc, ticket.State is TicketState.Resuelto or TicketState.Finalizado ? ticket.Solution : null, replies,
            ticket.CancellationNoticeForRequester);
    }
}
