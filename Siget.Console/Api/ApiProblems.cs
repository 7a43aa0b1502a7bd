using System.Text.Json;
using System.Text.Json.Serialization;

namespace Siget.Console.Api;

/// <summary>RFC 9457 problem details with Spanish <c>title</c> and <c>detail</c> and, for invalid fields, <c>errors</c>.</summary>
public sealed class ApiProblem
{
    public string Type { get; init; } = "about:blank";
    public string Title { get; init; } = "";
    public int Status { get; init; }
    public string? Detail { get; init; }
    public string? Instance { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IDictionary<string, string[]>? Errors { get; init; }
}

/// <summary>Thrown by the API's own checks: answered as <see cref="ApiProblem"/>.</summary>
public sealed class ApiProblemException(int status, string title, string detail, IDictionary<string, string[]>? errors = null) : Exception(detail)
{
    public int Status { get; } = status;
    public string Title { get; } = title;
    public IDictionary<string, string[]>? Errors { get; } = errors;

    public static ApiProblemException BadRequest(string detail, IDictionary<string, string[]>? errors = null) =>
        new(StatusCodes.Status400BadRequest, "Solicitud no válida", detail, errors);

    public static ApiProblemException Field(string field, string message) =>
        BadRequest(message, new Dictionary<string, string[]> { [field] = [message] });

    public static ApiProblemException NotFound() =>
        new(StatusCodes.Status404NotFound, "No encontrado", "No existe un ticket con ese número para esta clave.");
}

public static class ApiProblems
{
    public const string ContentType = "application/problem+json; charset=utf-8";

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        // Spanish text stays readable (é, ñ, «»); the answers are JSON, never HTML.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static ApiProblem Create(HttpContext context, int status, string title, string detail, IDictionary<string, string[]>? errors = null) => new()
    {
        Type = $"https://siget/api/errores/{status}",
        Title = title,
        Status = status,
        Detail = detail,
        Instance = context.Request.Path,
        Errors = errors,
    };

    public static IResult Result(HttpContext context, int status, string title, string detail, IDictionary<string, string[]>? errors = null) =>
        Results.Json(Create(context, status, title, detail, errors), Json, "application/problem+json", status);

    public static async Task Write(HttpContext context, int status, string title, string detail, IDictionary<string, string[]>? errors = null)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = ContentType;
        await context.Response.WriteAsync(JsonSerializer.Serialize(Create(context, status, title, detail, errors), Json), context.RequestAborted);
    }
}
