using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using MimeKit;

namespace Siget.Console.Services.Mail;

/// <summary>What a person wrote in a reply: the text above SIGET's marker or the client's quote header, without
/// quoted lines and without the signature.</summary>
public static partial class MailTextTrimmer
{
    public static string TextOf(MimeMessage message)
    {
        var text = message.TextBody;
        if (string.IsNullOrWhiteSpace(text) && message.HtmlBody is { } html) text = HtmlToText(html);
        return text ?? "";
    }

    public static string Trim(string text)
    {
        var lines = text.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n');
        var kept = new List<string>();
        foreach (var raw in lines)
        {
            var line = raw.TrimEnd();
            if (line.Contains(MailAddresses.ReplyAboveMarker, StringComparison.Ordinal) || line.Contains("Responda encima de esta línea", StringComparison.OrdinalIgnoreCase)) break;
            if (line == "--" || line == "-- " || raw == "-- ") break; // signature delimiter
            if (QuoteHeader().IsMatch(line)) break;
            if (line.StartsWith('>')) continue;
            kept.Add(line);
        }
        // A client's "El … escribió:" line may wrap: drop a trailing "El …" / "On …" fragment and blank lines.
        while (kept.Count > 0 && (string.IsNullOrWhiteSpace(kept[^1]) || WrappedQuoteStart().IsMatch(kept[^1]))) kept.RemoveAt(kept.Count - 1);
        while (kept.Count > 0 && string.IsNullOrWhiteSpace(kept[0])) kept.RemoveAt(0);
        return string.Join("\n", kept);
    }

    public static string HtmlToText(string html)
    {
        var s = Regex.Replace(html, @"<(script|style)[^>]*>.*?</\1>", "", RegexOptions.Singleline | RegexOptions.IgnoreCase);
        s = Regex.Replace(s, @"<blockquote.*", "", RegexOptions.Singleline | RegexOptions.IgnoreCase); // quoted history
        s = Regex.Replace(s, @"<br\s*/?>|</p>|</div>|</li>|</tr>", "\n", RegexOptions.IgnoreCase);
        s = Regex.Replace(s, @"<[^>]+>", "");
        return WebUtility.HtmlDecode(s);
    }

    [GeneratedRegex(@"^(El|On|Le|Am) .{0,200}(escribió|wrote|a écrit|schrieb) ?:$|^-{2,}\s*(Mensaje original|Original Message|Forwarded message|Mensaje reenviado)\s*-{2,}$|^_{10,}$|^(De|From): .+@|^(escribió|wrote) ?:$", RegexOptions.IgnoreCase)]
    private static partial Regex QuoteHeader();

    [GeneratedRegex(@"^(El|On) .{0,200}<[^>\s]+@[^>\s]+>", RegexOptions.IgnoreCase)]
    private static partial Regex WrappedQuoteStart();
}
