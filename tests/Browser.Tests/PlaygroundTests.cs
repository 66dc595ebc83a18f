using System.Globalization;
using Microsoft.Playwright;

namespace SigmoidService.Browser.Tests;

public sealed class PlaygroundTests(PlaygroundFixture fixture) : IClassFixture<PlaygroundFixture>
{
    private const float WaitMilliseconds = 30_000;

    [Fact]
    public async Task Playground_DrawnZeroAndPositiveReview_AreRecognised()
    {
        var page = await fixture.OpenPlaygroundAsync();

        // A one first, so that a model that calls everything a zero fails the test.
        await DrawStrokeAsync(page, "#digit-canvas");
        var oneProbability = await ReadProbabilityAsync(page);
        await page.Locator("#digit-clear").ClickAsync();
        await DrawRingAsync(page, "#digit-canvas");
        var zeroProbability = await ReadProbabilityAsync(page);

        var negativeLabel = await RateReviewAsync(page,
            "A dull, lifeless mess. The plot makes no sense, the acting is wooden and the jokes fall flat. "
            + "I was bored from start to finish and regret wasting two hours on this terrible film.");
        var positiveLabel = await RateReviewAsync(page,
            "An absolutely wonderful film. The acting is superb, the story is moving and beautifully told, "
            + "and the music is gorgeous. I loved every minute of it and will gladly watch it again.");

        await page.Locator("#digit").ScrollIntoViewIfNeededAsync();
        await SaveScreenshotAsync(page, "playground-digit-and-review.png");

        Assert.True(zeroProbability > 0.5, $"The drawn ring got P(zero) = {zeroProbability}, expected more than 0.5.");
        Assert.True(oneProbability < 0.5, $"A vertical stroke, a one, got P(zero) = {oneProbability}, expected less than 0.5.");
        Assert.Equal("positive", positiveLabel);
        Assert.Equal("negative", negativeLabel);
        Assert.Equal(string.Empty, await page.Locator("#digit-error").TextContentAsync());
        Assert.Equal(string.Empty, await page.Locator("#review-error").TextContentAsync());
    }

    [Fact]
    public async Task Playground_Load_HasIconAndNoFailedRequest()
    {
        var failed = new List<string>();
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = fixture.BaseAddress.ToString() });
        var page = await context.NewPageAsync();
        page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                failed.Add($"{response.Status} {response.Url}");
            }
        };

        await page.GotoAsync("/");
        await page.WaitForSelectorAsync("body[data-ready='true']");
        var iconHref = await page.Locator("link[rel='icon']").GetAttributeAsync("href");
        Assert.False(string.IsNullOrEmpty(iconHref), "The page names no icon, so the browser asks for /favicon.ico.");
        var icon = await page.APIRequest.GetAsync(new Uri(fixture.BaseAddress, iconHref).ToString());

        Assert.Equal(200, icon.Status);
        Assert.Equal("image/svg+xml", icon.Headers["content-type"].Split(';')[0]);
        Assert.Empty(failed);
        await context.CloseAsync();
    }

    [Fact]
    public async Task Playground_ActivationExplorer_DrawsCurvesAndFollowsSliders()
    {
        var page = await fixture.OpenPlaygroundAsync();

        var state = await WaitForAnswerAsync(page, "#activation-canvas");
        Assert.True(state == "done", $"The activation curves failed: {await page.Locator("#activation-error").TextContentAsync()}");
        var before = await CanvasDataUrlAsync(page, "#activation-canvas");
        await page.Locator("#activation-check-tanh").CheckAsync();
        await page.WaitForSelectorAsync("#activation-canvas[data-series='4']", new() { Timeout = WaitMilliseconds });
        await page.Locator("#range-to").FillAsync("12");
        await page.WaitForFunctionAsync("() => document.getElementById('range-to-value').textContent === '12'");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        var after = await CanvasDataUrlAsync(page, "#activation-canvas");

        // The logit is defined on [0, 1] only, so the page must sample it there rather than fail.
        await page.Locator("#activation-check-logit").CheckAsync();
        await page.WaitForSelectorAsync("#activation-canvas[data-series='6']", new() { Timeout = WaitMilliseconds });
        var logitState = await WaitForAnswerAsync(page, "#activation-canvas");
        var link = await page.Locator("#activation-svg-link").GetAttributeAsync("href");

        await page.Locator("#activations").ScrollIntoViewIfNeededAsync();
        await SaveScreenshotAsync(page, "playground-activations.png");

        Assert.NotEqual(before, after);
        Assert.Equal(string.Empty, await page.Locator("#activation-error").TextContentAsync());
        Assert.Equal("done", logitState);
        Assert.Contains("names=sigmoid,tanh,logit&from=0&to=1&", link, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Playground_ClickedPoints_FitsLogisticRegression()
    {
        var page = await fixture.OpenPlaygroundAsync();
        var canvas = page.Locator("#logreg-canvas");
        await canvas.ScrollIntoViewIfNeededAsync();

        // Class 1 on the right half, class 0 (shift-click) on the left, so a vertical boundary separates them.
        foreach (var (x, y, other) in new[] { (330, 100, false), (360, 300, false), (300, 220, false), (90, 120, true), (120, 330, true), (60, 240, true) })
        {
            await canvas.ClickAsync(new LocatorClickOptions
            {
                Position = new Position { X = x, Y = y },
                Modifiers = other ? [KeyboardModifier.Shift] : [],
            });
        }

        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        var state = await WaitForAnswerAsync(page, "#logreg-canvas");
        Assert.True(state == "done", $"The fit failed: {await page.Locator("#logreg-error").TextContentAsync()}");
        var result = await page.Locator("#logreg-result").TextContentAsync();
        await SaveScreenshotAsync(page, "playground-logistic-regression.png");

        Assert.Equal("6", await page.Locator("#logreg-count").TextContentAsync());
        Assert.StartsWith("p(1) = sigmoid(", result, StringComparison.Ordinal);
        Assert.Equal(string.Empty, await page.Locator("#logreg-error").TextContentAsync());
    }

    [Fact]
    public async Task Playground_VaeNextSeed_ShowsNewDigits()
    {
        var page = await fixture.OpenPlaygroundAsync();
        var grid = page.Locator("#vae-grid");
        await grid.ScrollIntoViewIfNeededAsync();

        var firstState = await WaitForAnswerAsync(page, "#vae-grid");
        Assert.True(firstState == "done", $"The VAE decoder failed: {await page.Locator("#vae-error").TextContentAsync()}");
        var firstSources = await grid.Locator("img").EvaluateAllAsync<string[]>("images => images.map(image => image.src)");
        await page.Locator("#vae-next").ClickAsync();
        await page.WaitForSelectorAsync("#vae-grid[data-state='done'][data-seed='2']", new() { Timeout = WaitMilliseconds });
        var secondSources = await grid.Locator("img").EvaluateAllAsync<string[]>("images => images.map(image => image.src)");
        await SaveScreenshotAsync(page, "playground-vae.png");

        Assert.Equal(16, firstSources.Length);
        Assert.All(firstSources, source => Assert.StartsWith("data:image/png;base64,", source, StringComparison.Ordinal));
        Assert.Equal(16, secondSources.Length);
        Assert.NotEqual(firstSources, secondSources);
    }

    /// <summary>Draws an upright ellipse, the shape of a handwritten zero, with one mouse stroke.</summary>
    private static async Task DrawRingAsync(IPage page, string selector)
    {
        var canvas = page.Locator(selector);
        await canvas.ScrollIntoViewIfNeededAsync();
        var box = await canvas.BoundingBoxAsync() ?? throw new InvalidOperationException($"{selector} is not visible.");
        var centreX = box.X + (box.Width / 2);
        var centreY = box.Y + (box.Height / 2);
        var radiusX = box.Width * 0.25;
        var radiusY = box.Height * 0.34;

        const int Steps = 72;
        await page.Mouse.MoveAsync((float)centreX, (float)(centreY - radiusY));
        await page.Mouse.DownAsync();
        for (var step = 1; step <= Steps + 2; step++)
        {
            var angle = 2 * Math.PI * step / Steps;
            await page.Mouse.MoveAsync((float)(centreX + (radiusX * Math.Sin(angle))), (float)(centreY - (radiusY * Math.Cos(angle))));
        }

        await page.Mouse.UpAsync();
    }

    /// <summary>Waits for mnist-zero's prediction for the drawing and returns the probability shown.</summary>
    private static async Task<double> ReadProbabilityAsync(IPage page)
    {
        var state = await WaitForAnswerAsync(page, "#digit-probability");
        Assert.True(state == "done", $"mnist-zero failed: {await page.Locator("#digit-error").TextContentAsync()}");
        var text = await page.Locator("#digit-probability").TextContentAsync();
        return double.Parse(text!, CultureInfo.InvariantCulture);
    }

    /// <summary>Types a review, submits it for rating and returns the label shown.</summary>
    private static async Task<string?> RateReviewAsync(IPage page, string review)
    {
        await page.Locator("#review-text").FillAsync(review);
        await page.Locator("#review-submit").ClickAsync();
        var state = await WaitForAnswerAsync(page, "#review-label");
        Assert.True(state == "done", $"imdb-sentiment failed: {await page.Locator("#review-error").TextContentAsync()}");
        return await page.Locator("#review-label").TextContentAsync();
    }

    /// <summary>Draws one vertical stroke, the shape of a handwritten one.</summary>
    private static async Task DrawStrokeAsync(IPage page, string selector)
    {
        var canvas = page.Locator(selector);
        await canvas.ScrollIntoViewIfNeededAsync();
        var box = await canvas.BoundingBoxAsync() ?? throw new InvalidOperationException($"{selector} is not visible.");
        var x = (float)(box.X + (box.Width / 2));
        await page.Mouse.MoveAsync(x, (float)(box.Y + (box.Height * 0.15)));
        await page.Mouse.DownAsync();
        for (var step = 1; step <= 20; step++)
        {
            await page.Mouse.MoveAsync(x, (float)(box.Y + (box.Height * (0.15 + (0.7 * step / 20)))));
        }

        await page.Mouse.UpAsync();
    }

    /// <summary>Waits until the element's request has completed and returns its state, "done" or "failed".</summary>
    private static async Task<string?> WaitForAnswerAsync(IPage page, string selector)
    {
        var element = await page.WaitForSelectorAsync(
            $"{selector}[data-state]:not([data-state='pending'])", new() { Timeout = WaitMilliseconds });
        return await element!.GetAttributeAsync("data-state");
    }

    private static Task<string> CanvasDataUrlAsync(IPage page, string selector) =>
        page.Locator(selector).EvaluateAsync<string>("canvas => canvas.toDataURL()");

    private static async Task SaveScreenshotAsync(IPage page, string fileName)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, fileName), FullPage = true });
    }
}
