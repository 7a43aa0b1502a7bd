using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace Siget.Console;

/// <summary>
/// Options bound from a configuration section and checked when the app starts: a bad value stops start-up with a
/// message that names its key ("Sla:Motor:BatchSize debe estar entre 1 y 10000.").
/// </summary>
public static class CheckedOptions
{
    public static OptionsBuilder<TOptions> AddCheckedOptions<TOptions>(this IServiceCollection services, string section) where TOptions : class
    {
        services.AddSingleton<IValidateOptions<TOptions>>(new SectionCheck<TOptions>(section));
        return services.AddOptions<TOptions>().BindConfiguration(section).ValidateOnStart();
    }

    /// <summary>The data annotations (and <see cref="IValidatableObject"/>) of an options class, each failure prefixed with its key.</summary>
    public sealed class SectionCheck<TOptions>(string section) : IValidateOptions<TOptions> where TOptions : class
    {
        public ValidateOptionsResult Validate(string? name, TOptions options)
        {
            var results = new List<ValidationResult>();
            if (Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true))
                return ValidateOptionsResult.Success;
            return ValidateOptionsResult.Fail(results.Select(r => r.MemberNames.FirstOrDefault() is { } member
                ? $"{section}:{member} {r.ErrorMessage}"
                : r.ErrorMessage ?? $"{section}: valor no válido."));
        }
    }
}
