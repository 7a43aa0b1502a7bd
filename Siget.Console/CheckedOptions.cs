using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace Siget.Console;

/// <summary>
/// Options bound from a configuration section and checked when the app starts: a bad value stops start-up with a
/// message that names its key ("Sla:Engine:BatchSize debe estar entre 1 y 10000."). Sections are named in English,
/// like their options classes; a section that had a Spanish name is still read under it (<c>formerSection</c>), the
/// English name winning where both are given.
/// </summary>
public static class CheckedOptions
{
    public static OptionsBuilder<TOptions> AddCheckedOptions<TOptions>(this IServiceCollection services, string section, string? formerSection = null)
        where TOptions : class
    {
        services.AddSingleton<IValidateOptions<TOptions>>(new SectionCheck<TOptions>(section, formerSection));
        var options = services.AddOptions<TOptions>();
        if (formerSection is not null) options.Configure<IConfiguration>((o, configuration) => configuration.GetSection(formerSection).Bind(o));
        return options.BindConfiguration(section).ValidateOnStart();
    }

    /// <summary>The data annotations (and <see cref="IValidatableObject"/>) of an options class, each failure prefixed with its key.</summary>
    public sealed class SectionCheck<TOptions>(string section, string? formerSection = null) : IValidateOptions<TOptions> where TOptions : class
    {
        public ValidateOptionsResult Validate(string? name, TOptions options)
        {
            var results = new List<ValidationResult>();
            if (Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true))
                return ValidateOptionsResult.Success;
            return ValidateOptionsResult.Fail(results.Select(r => r.MemberNames.FirstOrDefault() is { } member
                ? formerSection is null ? $"{section}:{member} {r.ErrorMessage}" : $"{section}:{member} (antes {formerSection}:{member}) {r.ErrorMessage}"
                : r.ErrorMessage ?? $"{section}: valor no válido."));
        }
    }
}
