using System.Globalization;
using Microsoft.Data.Sqlite;
using Siget.Core.Tickets;

namespace Siget.Bench.Data;

/// <summary>
/// Writes generated tickets, their history, messages and attachment metadata straight into the schema the product's
/// migrations created, with prepared statements in large transactions (EF would take an hour for a million tickets).
/// Column values come from the domain objects; dates are written in EF Core's SQLite format so the product reads them back.
/// </summary>
public sealed class TicketWriter : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly SqliteCommand _ticket, _history, _message, _attachment;
    private readonly string _citizenHash;
    private long _historyId, _messageId, _attachmentId;

    private static readonly string[] TicketColumns =
    [
        "Id", "Number", "Year", "Sequence", "Kind", "Channel", "SubcategoryCode", "Subject", "Description", "Impact",
        "AlternativeAvailable", "Priority", "Preferential", "RequesterId", "RequesterName", "UnitId", "UnitName", "RegisteredById",
        "RegisteredByName", "State", "Level", "AssigneeId", "AssigneeName", "VendorCompanyId", "VendorCompanyName", "RegisteredAtUtc",
        "FirstResponseDueUtc", "ResolutionDueUtc", "FirstResponseAtUtc", "ResolvedAtUtc", "ClosedAtUtc", "NextDueUtc", "Solution",
        "SearchText", "UpdatedAtUtc", "Version", "LastProgressAtUtc", "SlaMarks", "SatisfactionComment", "SatisfactionRating",
        "AccessCodeHash", "CitizenDocument", "VendorLeftAtUtc",
    ];
    private static readonly string[] HistoryColumns =
        ["Id", "TicketId", "AtUtc", "ActorId", "ActorName", "Action", "FromState", "ToState", "FromLevel", "ToLevel", "FromAssignee", "ToAssignee", "CriterionCode", "Reason"];
    private static readonly string[] MessageColumns = ["Id", "TicketId", "AtUtc", "AuthorId", "AuthorName", "AuthorRole", "Internal", "Body"];
    private static readonly string[] AttachmentColumns = ["Id", "TicketId", "MessageId", "FileName", "ContentType", "Size", "StoredName", "UploadedById", "UploadedAtUtc"];

    public TicketWriter(SqliteConnection connection, string citizenHash)
    {
        _connection = connection;
        _citizenHash = citizenHash;
        _ticket = Insert("Tickets", TicketColumns);
        _history = Insert("TicketHistory", HistoryColumns);
        _message = Insert("TicketMessages", MessageColumns);
        _attachment = Insert("TicketAttachments", AttachmentColumns);
    }

    public long HistoryRows => _historyId;
    public long MessageRows => _messageId;
    public long AttachmentRows => _attachmentId;

    public void Write(IReadOnlyList<GeneratedTicket> batch)
    {
        using var transaction = _connection.BeginTransaction();
        foreach (var command in new[] { _ticket, _history, _message, _attachment }) command.Transaction = transaction;
        foreach (var generated in batch) Write(generated);
        transaction.Commit();
    }

    private void Write(GeneratedTicket generated)
    {
        var t = generated.Ticket;
        var citizen = generated.Citizen;
        Run(_ticket, generated.Id, t.Number, t.Year, t.Sequence, (int)t.Kind, (int)t.Channel, t.SubcategoryCode, t.Subject, t.Description,
            (int)t.Impact, t.AlternativeAvailable, (int)t.Priority, t.Preferential, citizen?.RequesterId ?? t.RequesterId, t.RequesterName,
            t.UnitId, t.UnitName, t.RegisteredById, t.RegisteredByName, (int)t.State, (int)t.Level, t.AssigneeId, t.AssigneeName,
            t.VendorCompanyId, t.VendorCompanyName, t.RegisteredAtUtc, t.FirstResponseDueUtc, t.ResolutionDueUtc, t.FirstResponseAtUtc,
            t.ResolvedAtUtc, t.ClosedAtUtc, t.NextDueUtc, t.Solution,
            citizen is null ? t.SearchText : $"{t.SearchText} {citizen.Document}", t.UpdatedAtUtc, t.Version, t.LastProgressAtUtc,
            (int)t.SlaMarks, t.SatisfactionComment, t.SatisfactionRating, citizen is null ? null : _citizenHash, citizen?.Document,
            t.VendorLeftAtUtc);
        foreach (var h in t.History)
            Run(_history, ++_historyId, generated.Id, h.AtUtc, h.ActorId, h.ActorName, (int)h.Action, (int?)h.FromState, (int?)h.ToState,
                (int?)h.FromLevel, (int?)h.ToLevel, h.FromAssignee, h.ToAssignee, h.CriterionCode, h.Reason);
        foreach (var m in generated.Messages)
        {
            var messageId = ++_messageId;
            Run(_message, messageId, generated.Id, m.AtUtc, m.AuthorId, m.AuthorName, (int)m.AuthorRole, m.Internal, m.Body);
            foreach (var a in m.Attachments)
                Run(_attachment, ++_attachmentId, generated.Id, messageId, a.FileName, a.ContentType, a.Size, a.StoredName, a.UploadedById, a.UploadedAtUtc);
        }
    }

    private SqliteCommand Insert(string table, string[] columns)
    {
        var command = _connection.CreateCommand();
        command.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES ({string.Join(", ", columns.Select((_, i) => $"$p{i}"))})";
        for (var i = 0; i < columns.Length; i++) command.Parameters.Add(new SqliteParameter($"$p{i}", null));
        command.Prepare();
        return command;
    }

    private static void Run(SqliteCommand command, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++) command.Parameters[i].Value = Value(values[i]);
        command.ExecuteNonQuery();
    }

    /// <summary>EF Core's SQLite representation: dates as 'yyyy-MM-dd HH:mm:ss.FFFFFFF' text, booleans as 0/1.</summary>
    public static object Value(object? value) => value switch
    {
        null => DBNull.Value,
        DateTime d => d.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture),
        bool b => b ? 1 : 0,
        _ => value,
    };

    public void Dispose()
    {
        _ticket.Dispose();
        _history.Dispose();
        _message.Dispose();
        _attachment.Dispose();
    }
}
