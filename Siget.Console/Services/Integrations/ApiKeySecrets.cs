using System.Security.Cryptography;
using System.Text;

namespace Siget.Console.Services.Integrations;

/// <summary>
/// The text of a key: <c>sgt_&lt;public id&gt;_&lt;secret&gt;</c>. The public id (16 lower-case letters and digits) finds
/// the key; the secret is compared by its SHA-256 in constant time. Only the hash is stored.
/// </summary>
public static class ApiKeySecrets
{
    public const string Prefix = "sgt_";
    private const string Alphabet = "abcdefghijkmnpqrstuvwxyz23456789";

    public static string NewPublicId() => RandomNumberGenerator.GetString(Alphabet, Data.ApiKey.PublicIdLength);

    public static string NewSecret() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

    public static string Format(string publicId, string secret) => $"{Prefix}{publicId}_{secret}";

    public static byte[] Hash(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));

    public static bool TryParse(string? text, out string publicId, out string secret)
    {
        publicId = secret = "";
        if (text is null || !text.StartsWith(Prefix, StringComparison.Ordinal)) return false;
        var rest = text.AsSpan(Prefix.Length);
        if (rest.Length < Data.ApiKey.PublicIdLength + 2 || rest[Data.ApiKey.PublicIdLength] != '_') return false;
        publicId = rest[..Data.ApiKey.PublicIdLength].ToString();
        secret = rest[(Data.ApiKey.PublicIdLength + 1)..].ToString();
        return secret.Length is > 0 and <= 200;
    }

    public static bool Matches(string secret, byte[]? hash) =>
        hash is { Length: 32 } && CryptographicOperations.FixedTimeEquals(Hash(secret), hash);
}
