using System.Text;
using System.Text.RegularExpressions;

namespace Siget.Console.Services.Mail;

/// <summary>Message-IDs, ticket tags and header-safe text.</summary>
public static partial class MailAddresses
{
    public const string ReplyAboveMarker = "## Responda encima de esta línea ##";

    public static string DomainOf(string address)
    {
        var at = address.LastIndexOf('@');
        return at >= 0 && at < address.Length - 1 ? Clean(address[(at + 1)..]).Replace(" ", "") : "siget.local";
    }

    /// <summary>A new Message-ID (without angle brackets) that names the ticket, so a reply's References lead back to it.</summary>
    public static string NewMessageId(string ticketNumber, string domain) => $"siget.{ticketNumber}.{Guid.NewGuid():N}@{domain}";

    /// <summary>The thread root every mail of one ticket refers to: a client threads them together.</summary>
    public static string ThreadRoot(string ticketNumber, string domain) => $"siget.{ticketNumber}@{domain}";

    public static string SubjectTag(string ticketNumber) => $"[SIGET {ticketNumber}]";

    /// <summary>The ticket number named by SIGET's Message-IDs in In-Reply-To/References, else by the subject's tag.</summary>
    public static string? TicketNumberFrom(IEnumerable<string> references, string? subject)
    {
        foreach (var id in references)
            if (ReferenceRegex().Match(id) is { Success: true } m) return m.Groups[1].Value;
        return subject is not null && TagRegex().Match(subject) is { Success: true } t ? t.Groups[1].Value : null;
    }

    /// <summary>Text for a header: control characters (CR, LF, tabs, NUL…) become spaces, runs of spaces one.</summary>
    public static string Clean(string? text, int max = 300)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var sb = new StringBuilder(text.Length);
        foreach (var c in text) sb.Append(char.IsControl(c) || c is '\u2028' or '\u2029' ? ' ' : c);
        var s = Spaces().Replace(sb.ToString(), " ").Trim();
        return s.Length > max ? s[..max] : s;
    }

    [GeneratedRegex(@"^<?siget\.(\d{4}-\d{6})[.@]", RegexOptions.IgnoreCase)]
    private static partial Regex ReferenceRegex();

    [GeneratedRegex(@"\[SIGET (\d{4}-\d{6})\]", RegexOptions.IgnoreCase)]
    private static partial Regex TagRegex();

    [GeneratedRegex(@" {2,}")]
    private static partial Regex Spaces();
}
