using Microsoft.AspNetCore.Identity;

namespace Siget.Console.Services.People;

/// <summary>Identity's validation messages in Spanish.</summary>
internal sealed class SpanishIdentityErrors : IdentityErrorDescriber
{
    public override IdentityError DefaultError() => New(nameof(DefaultError), "Ocurrió un error inesperado.");
    public override IdentityError ConcurrencyFailure() => New(nameof(ConcurrencyFailure), "Otra persona modificó este usuario; vuelva a intentarlo.");
    public override IdentityError PasswordMismatch() => New(nameof(PasswordMismatch), "La contraseña no es correcta.");
    public override IdentityError InvalidToken() => New(nameof(InvalidToken), "El enlace o código ya no es válido.");
    public override IdentityError InvalidUserName(string? userName) => New(nameof(InvalidUserName), $"El nombre de usuario «{userName}» solo puede tener letras, números y . _ - @");
    public override IdentityError InvalidEmail(string? email) => New(nameof(InvalidEmail), $"El correo «{email}» no es válido.");
    public override IdentityError DuplicateUserName(string userName) => New(nameof(DuplicateUserName), $"Ya existe el usuario «{userName}».");
    public override IdentityError DuplicateEmail(string email) => New(nameof(DuplicateEmail), $"El correo «{email}» ya está registrado.");
    public override IdentityError UserLockoutNotEnabled() => New(nameof(UserLockoutNotEnabled), "El bloqueo no está habilitado para este usuario.");
    public override IdentityError PasswordTooShort(int length) => Rule(nameof(PasswordTooShort), $"{length} caracteres");
    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => Rule(nameof(PasswordRequiresUniqueChars), $"{uniqueChars} caracteres distintos");
    public override IdentityError PasswordRequiresNonAlphanumeric() => Rule(nameof(PasswordRequiresNonAlphanumeric), "un símbolo (por ejemplo # o !)");
    public override IdentityError PasswordRequiresDigit() => Rule(nameof(PasswordRequiresDigit), "un número");
    public override IdentityError PasswordRequiresLower() => Rule(nameof(PasswordRequiresLower), "una minúscula");
    public override IdentityError PasswordRequiresUpper() => Rule(nameof(PasswordRequiresUpper), "una mayúscula");

    private const string PasswordMust = "La contraseña debe tener al menos ";

    /// <summary>
    /// Identity's errors as one text: the unmet password rules in one sentence ("La contraseña debe tener al menos
    /// 8 caracteres, un número y una mayúscula."), the others one after another.
    /// </summary>
    public static string Sentence(IEnumerable<IdentityError> errors)
    {
        var all = errors.Select(e => e.Description).ToList();
        var rules = all.Where(d => d.StartsWith(PasswordMust, StringComparison.Ordinal)).Select(d => d[PasswordMust.Length..^1]).ToList();
        var others = all.Where(d => !d.StartsWith(PasswordMust, StringComparison.Ordinal));
        var password = rules.Count switch
        {
            0 => null,
            1 => $"{PasswordMust}{rules[0]}.",
            _ => $"{PasswordMust}{string.Join(", ", rules[..^1])} y {rules[^1]}.",
        };
        return string.Join(" ", others.Prepend(password).OfType<string>());
    }

    private static IdentityError Rule(string code, string rule) => New(code, $"{PasswordMust}{rule}.");

    private static IdentityError New(string code, string description) => new() { Code = code, Description = description };
}
