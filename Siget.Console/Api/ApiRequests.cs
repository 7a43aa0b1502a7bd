using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Net.Http.Headers;
using Siget.Console.Services.Integrations;

namespace Siget.Console.Api;

/// <summary>
/// Reading what a client sends to <c>/api/v1</c> strictly: JSON only (415 otherwise), 64 KB at most (413), every field
/// known (400 naming the unknown ones: a client cannot set priority, state, assignee, level or dates), every value of
/// its type (400 naming the field). And the <c>Idempotency-Key</c> and <c>If-Match</c> headers.
/// </summary>
public static class ApiRequests
{
    public const int MaxJsonBytes = 64 * 1024;
    public const string IdempotencyHeader = "Idempotency-Key";

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        Converters = { new JsonStringEnumConverter(allowIntegerValues: false) },
    };

    /// <summary>Fields a client might try to set and SIGET computes or decides itself.</summary>
    private static readonly HashSet<string> Computed = new(StringComparer.OrdinalIgnoreCase)
    {
        "prioridad", "priority", "estado", "state", "status", "asignado", "asignadoA", "assignee", "assigneeId", "nivel", "level",
        "canal", "channel", "numero", "number", "registradoEn", "primeraRespuestaVence", "resolucionVence", "resueltoEn", "cerradoEn",
        "fecha", "fechas", "version", "id", "preferente",
    };

    public sealed record Body<T>(T Value, string Raw);

    public static async Task<Body<T>> ReadJsonAsync<T>(HttpContext http) where T : class
    {
        var request = http.Request;
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var media)
            || !(media.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase) || media.Suffix.Equals("json", StringComparison.OrdinalIgnoreCase)))
            throw new ApiProblemException(StatusCodes.Status415UnsupportedMediaType, "Tipo de contenido no admitido",
                "Envíe el cuerpo como JSON, con «Content-Type: application/json».");
        if (request.ContentLength > MaxJsonBytes) throw TooLarge(MaxJsonBytes);
        var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, http.RequestAborted)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > MaxJsonBytes) throw TooLarge(MaxJsonBytes);
        }
        var raw = Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(raw);
        }
        catch (JsonException ex)
        {
            throw ApiProblemException.BadRequest("El cuerpo no es JSON válido.",
                new Dictionary<string, string[]> { ["$"] = [$"JSON mal formado (línea {ex.LineNumber + 1}, posición {ex.BytePositionInLine + 1})."] });
        }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
                throw ApiProblemException.Field("$", "El cuerpo debe ser un objeto JSON.");
            var known = typeof(T).GetProperties().Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name)).ToHashSet(StringComparer.Ordinal);
            var errors = new Dictionary<string, string[]>();
            foreach (var property in document.RootElement.EnumerateObject())
                if (!known.Contains(property.Name))
                    errors[property.Name] = [Computed.Contains(property.Name)
                        ? "Este campo no se puede enviar: lo calcula o decide SIGET."
                        : "Campo desconocido."];
            if (errors.Count > 0)
                throw ApiProblemException.BadRequest($"El cuerpo tiene campos no admitidos: {string.Join(", ", errors.Keys)}.", errors);
        }
        try
        {
            return new Body<T>(JsonSerializer.Deserialize<T>(raw, Json)!, raw);
        }
        catch (JsonException ex)
        {
            var field = (ex.Path ?? "$").TrimStart('$', '.');
            throw ApiProblemException.Field(field.Length == 0 ? "$" : field, "Valor no válido para este campo (tipo o valor desconocido).");
        }
    }

    public static ApiProblemException TooLarge(long max) => new(StatusCodes.Status413PayloadTooLarge, "Cuerpo demasiado grande",
        $"El cuerpo supera el máximo admitido ({max / 1024:N0} KB).");

    /// <summary>The version the client saw (<c>If-Match: "7"</c>), if it sent one.</summary>
    public static long? IfMatch(HttpContext http)
    {
        var header = http.Request.Headers.IfMatch.ToString();
        if (string.IsNullOrWhiteSpace(header)) return null;
        var text = header.Trim();
        if (text.StartsWith("W/", StringComparison.Ordinal)) text = text[2..];
        text = text.Trim('"');
        if (!long.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var version))
            throw ApiProblemException.Field("If-Match", "If-Match debe ser la ETag que devolvió SIGET (por ejemplo \"3\").");
        return version;
    }

    /// <summary>
    /// The <c>Idempotency-Key</c> of a POST: null without it; otherwise either the first answer to replay (same key, same
    /// request), a 409 (same key, another request), or the request to record with the change.
    /// </summary>
    public static async Task<(IdempotentRequest? Request, IResult? Replay)> IdempotencyAsync(HttpContext http, ApiCaller caller, string fingerprint,
        ApiIdempotencyAnswers answers)
    {
        var key = http.Request.Headers[IdempotencyHeader].ToString();
        if (string.IsNullOrEmpty(key)) return (null, null);
        if (key.Length > ApiIdempotency.KeyMaxLength || key.Any(c => c < 0x21 || c > 0x7e))
            throw ApiProblemException.Field(IdempotencyHeader, $"Idempotency-Key: de 1 a {ApiIdempotency.KeyMaxLength} caracteres ASCII visibles.");
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{http.Request.Method}\n{http.Request.Path}\n{fingerprint}")));
        var request = new IdempotentRequest(caller.KeyId, key, hash);
        return (request, await ReplayAsync(http, request, answers));
    }

    /// <summary>The kept answer for <paramref name="request"/>'s key, or 409 if it was for another request; null if none.</summary>
    public static async Task<IResult?> ReplayAsync(HttpContext http, IdempotentRequest request, ApiIdempotencyAnswers answers)
    {
        if (await answers.FindAsync(request, http.RequestAborted) is not { } kept) return null;
        if (kept.RequestHash != request.RequestHash)
            return ApiProblems.Result(http, StatusCodes.Status409Conflict, "Idempotency-Key ya usada",
                "Esta Idempotency-Key ya se usó con otra solicitud. Use una clave nueva para cada operación distinta.");
        var answer = kept.Answer;
        http.Response.Headers["Idempotent-Replayed"] = "true";
        if (answer.Location is not null) http.Response.Headers.Location = answer.Location;
        if (answer.ETag is not null) http.Response.Headers.ETag = answer.ETag;
        return Results.Text(answer.Body, "application/json; charset=utf-8", Encoding.UTF8, answer.Status);
    }
}
