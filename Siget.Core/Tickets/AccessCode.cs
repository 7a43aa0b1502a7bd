using System.Security.Cryptography;

namespace Siget.Core.Tickets;

/// <summary>
/// The code a citizen (who has no account) uses, with the ticket number, to follow their ticket. Twelve characters from
/// an alphabet without look-alikes (no 0/O, 1/I/L), shown once as "ABCD-EFGH-JKMN" and stored only as a salted
/// PBKDF2 hash. <see cref="Verify"/> against <see cref="DecoyHash"/> costs the same as against a real one, so a wrong
/// number and a wrong code take the same time.
/// </summary>
public static class AccessCode
{
    public const string Alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    public const int Length = 12;
    private const int SaltBytes = 16;
    private const int HashBytes = 32;
    private const int Iterations = 100_000;

    public static string DecoyHash { get; } = Hash(New());

    public static string New()
    {
        var chars = new char[Length];
        for (var i = 0; i < Length; i++) chars[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        return Format(new string(chars));
    }

    /// <summary>Upper case, without spaces or dashes: what the citizen typed, however they typed it.</summary>
    public static string Normalize(string? typed) =>
        new string((typed ?? "").Where(char.IsLetterOrDigit).Select(char.ToUpperInvariant).ToArray());

    public static string Hash(string code)
    {
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        var hash = Rfc2898DeriveBytes.Pbkdf2(Normalize(code), salt, Iterations, HashAlgorithmName.SHA256, HashBytes);
        return $"{Convert.ToBase64String(salt)}.{Convert.ToBase64String(hash)}";
    }

    public static bool Verify(string? typed, string stored)
    {
        var parts = stored.Split('.');
        if (parts.Length != 2) return false;
        var salt = Convert.FromBase64String(parts[0]);
        var expected = Convert.FromBase64String(parts[1]);
        var actual = Rfc2898DeriveBytes.Pbkdf2(Normalize(typed), salt, Iterations, HashAlgorithmName.SHA256, HashBytes);
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }

    private static string Format(string code) => $"{code[..4]}-{code[4..8]}-{code[8..]}";
}
