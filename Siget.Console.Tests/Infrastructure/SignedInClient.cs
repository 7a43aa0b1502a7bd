using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Siget.Console.Data;
using Siget.Console.Data.Demo;

namespace Siget.Console.Tests.Infrastructure;

/// <summary>Signs in through the real sign-in form (antiforgery token included) and keeps the cookie.</summary>
public static class SignedInClient
{
    public static async Task<(HttpClient Client, CookieContainer Cookies)> SignInAsync(this SigetAppFactory app, string userName,
        string password = DemoData.Password)
    {
        var cookies = new CookieContainer();
        var client = app.CreateDefaultClient(new CookieHandler(cookies));
        var token = HtmlForms.Token(await client.GetStringAsync("/cuenta/ingresar"));

        var response = await client.PostAsync("/cuenta/ingresar", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = token,
            ["Input.UserName"] = userName,
            ["Input.Password"] = password,
        }));
        if (cookies.GetCookies(client.BaseAddress!)["siget.auth"] is null)
            throw new InvalidOperationException($"Sign-in of {userName} failed with {(int)response.StatusCode}.");
        return (client, cookies);
    }

    private sealed class CookieHandler(CookieContainer cookies) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
        {
            var header = cookies.GetCookieHeader(request.RequestUri!);
            if (header.Length > 0) request.Headers.Add("Cookie", header);
            var response = await base.SendAsync(request, ct);
            if (response.Headers.TryGetValues("Set-Cookie", out var values))
                foreach (var value in values) cookies.SetCookies(request.RequestUri!, value);
            return response;
        }
    }
}
