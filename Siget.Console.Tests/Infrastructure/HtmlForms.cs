using System.Net;
using System.Text.RegularExpressions;

namespace Siget.Console.Tests.Infrastructure;

/// <summary>What the HTTP tests need from the app's static forms (sign-in, Consultar ticket).</summary>
public static partial class HtmlForms
{
    /// <summary>The antiforgery token a form page carries, to post it back.</summary>
    public static string Token(string page)
    {
        var match = AntiforgeryField().Match(page);
        if (!match.Success) throw new InvalidOperationException("The page has no antiforgery token.");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    /// <summary>A page without what legitimately differs between two answers: the value typed back, the antiforgery
    /// token, the CSP nonce, Blazor's per-response markers (HTML comments) and its encrypted redirect address.</summary>
    public static string Comparable(string page, string typedValue) => Regex.Replace(Regex.Replace(
        page.Replace($"value=\"{typedValue}\"", "value=\"\""), "(__RequestVerificationToken\" value=\"|nonce=\"|opaque-redirect\\?url=)[^\"<]+", "$1"),
        "<!--.*?-->", "", RegexOptions.Singleline);

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
