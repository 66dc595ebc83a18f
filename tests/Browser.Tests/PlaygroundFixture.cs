using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace SigmoidService.Browser.Tests;

/// <summary>
/// The service on a real Kestrel socket at 127.0.0.1 with a port the system picks (a browser cannot reach
/// the in-memory test server), and Debian's Chromium driven headless by Playwright. Playwright's own
/// browser download needs the internet, so the browser is the system one at <see cref="ChromiumPath"/>.
/// </summary>
public sealed class PlaygroundFixture : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private static readonly string[] ChromiumArguments =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    private IPlaywright? _playwright;

    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException(
                $"Chromium was not found at {ChromiumPath}; install Debian's package with 'apt-get install chromium'.");
        }

        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses
            ?? throw new InvalidOperationException("Kestrel reported no listening address.");
        BaseAddress = new Uri(addresses.First());

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArguments,
        });
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await DisposeAsync();
    }

    /// <summary>Opens the playground in a new page of its own context and waits until its scripts have run.</summary>
    public async Task<IPage> OpenPlaygroundAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        await page.WaitForSelectorAsync("body[data-ready='true']");
        return page;
    }
}
