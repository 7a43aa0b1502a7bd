using Microsoft.AspNetCore.Identity;

namespace Siget.Console.Components.Account;

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
    public override IdentityError PasswordTooShort(int length) => New(nameof(PasswordTooShort), $"La contraseña debe tener al menos {length} caracteres.");
    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => New(nameof(PasswordRequiresUniqueChars), $"La contraseña debe tener al menos {uniqueChars} caracteres distintos.");
    public override IdentityError PasswordRequiresNonAlphanumeric() => New(nameof(PasswordRequiresNonAlphanumeric), "La contraseña debe tener al menos un símbolo (por ejemplo # o !).");
    public override IdentityError PasswordRequiresDigit() => New(nameof(PasswordRequiresDigit), "La contraseña debe tener al menos un número.");
    public override IdentityError PasswordRequiresLower() => New(nameof(PasswordRequiresLower), "La contraseña debe tener al menos una minúscula.");
    public override IdentityError PasswordRequiresUpper() => New(nameof(PasswordRequiresUpper), "La contraseña debe tener al menos una mayúscula.");

    private static IdentityError New(string code, string description) => new() { Code = code, Description = description };
}
