using Microsoft.Playwright;
using Xunit.Abstractions;

namespace OrleansAssistant.Gateway.Dashboard.Tests;

/// <summary>
/// One browser tab on the dashboard, in a context of its own (no shared storage), that records what
/// went wrong in the page: console errors (a CSP violation is one), uncaught errors, failed requests and
/// error answers. Every failed step reports them, with a screenshot.
/// </summary>
public sealed class BrowserPage : IAsyncDisposable
{
    private const int StepTimeoutMs = 15_000;

    // Chromium also logs every 4xx/5xx answer as a console error; those are kept as answers instead.
    private const string ErrorAnswerLog = "Failed to load resource: the server responded with a status of";

    private readonly IBrowserContext _context;
    private readonly ITestOutputHelper _output;
    private readonly string _name;
    private readonly List<string> _errors = [];
    private readonly List<(int Status, string Request)> _errorAnswers = [];

    private BrowserPage(IBrowserContext context, IPage page, ITestOutputHelper output, string name)
    {
        _context = context;
        Page = page;
        _output = output;
        _name = name;
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && !message.Text.StartsWith(ErrorAnswerLog, StringComparison.Ordinal)) Record($"console error: {message.Text} ({message.Location})");
        };
        page.PageError += (_, error) => Record($"uncaught error: {error}");
        page.RequestFailed += (_, request) => Record($"request failed: {request.Method} {request.Url}: {request.Failure}");
        page.Response += (_, response) =>
        {
            if (response.Status < 400) return;
            lock (_errors) _errorAnswers.Add((response.Status, $"{response.Request.Method} {response.Url}"));
        };
    }

    public IPage Page { get; }

    /// <param name="name">Prefix of this page's screenshots, e.g. <c>owner</c>.</param>
    public static async Task<BrowserPage> OpenAsync(BrowserFixture browser, Uri baseAddress, ITestOutputHelper output, string name, int width = 1280, int height = 900)
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
        });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(StepTimeoutMs);
        return new BrowserPage(context, page, output, name);
    }

    public ILocator Locator(string selector) => Page.Locator(selector);

    /// <summary>Runs one step; when it fails, the failure names the step and carries what the page reported, plus a screenshot.</summary>
    public async Task StepAsync(string description, Func<Task> step)
    {
        try
        {
            await step();
        }
        catch (Exception error) when (error is not StepFailedException)
        {
            var screenshot = await TryScreenshotAsync($"{_name}-failed-{Slug(description)}.png");
            throw new StepFailedException($"Step \"{description}\" failed: {error.Message}\n{Report()}\nscreenshot: {screenshot}");
        }
    }

    public Task WaitVisibleAsync(string selector) =>
        StepAsync($"{selector} visible", () => Page.Locator(selector).First.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Visible }));

    public Task WaitHiddenAsync(string selector) =>
        StepAsync($"{selector} hidden", () => Page.Locator(selector).First.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Hidden }));

    public Task WaitDetachedAsync(string selector) =>
        StepAsync($"{selector} gone", () => Page.Locator(selector).First.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Detached }));

    /// <summary>Opens the dashboard and logs in through the form.</summary>
    public async Task LogInAsync(string username, string password)
    {
        await StepAsync("open the dashboard", async () =>
        {
            await Page.GotoAsync("/");
            await Page.Locator("#login-view").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Visible });
        });
        await Page.Locator("#username").FillAsync(username);
        await Page.Locator("#password").FillAsync(password);
        await Page.Locator("#login-submit").ClickAsync();
    }

    /// <summary>Clicks a tab button and waits for its panel.</summary>
    public async Task OpenTabAsync(string tab)
    {
        await StepAsync($"click the {tab} tab", () => Page.Locator($"button[data-tab=\"{tab}\"]").ClickAsync());
        await WaitVisibleAsync($"#tab-{tab}");
    }

    /// <summary>Saves a full-page PNG under <see cref="BrowserArtifacts"/> and names it in the test output.</summary>
    public async Task<string> ScreenshotAsync(string fileName)
    {
        var path = BrowserArtifacts.Screenshot(fileName);
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        _output.WriteLine($"screenshot: {path}");
        return path;
    }

    /// <summary>Asserts the page reported nothing wrong; <paramref name="expectedStatuses"/> are error answers the scenario causes on purpose.</summary>
    public void AssertNoProblems(params int[] expectedStatuses)
    {
        lock (_errors)
        {
            var unexpected = _errorAnswers.Where(answer => !expectedStatuses.Contains(answer.Status)).ToList();
            Assert.True(_errors.Count == 0 && unexpected.Count == 0, $"The page reported problems:\n{Report()}");
        }
    }

    /// <summary>Everything the page reported, for assertion messages.</summary>
    public string Report()
    {
        lock (_errors)
        {
            var lines = _errors.Concat(_errorAnswers.Select(answer => $"answer {answer.Status}: {answer.Request}")).ToList();
            return lines.Count == 0 ? "(the page reported no errors)" : string.Join('\n', lines);
        }
    }

    public async ValueTask DisposeAsync() => await _context.DisposeAsync();

    private void Record(string problem)
    {
        lock (_errors) _errors.Add(problem);
    }

    private async Task<string> TryScreenshotAsync(string fileName)
    {
        try
        {
            return await ScreenshotAsync(fileName);
        }
        catch (PlaywrightException error)
        {
            return $"(none: {error.Message})";
        }
    }

    private static string Slug(string text) =>
        System.Text.RegularExpressions.Regex.Replace(text.ToLowerInvariant(), "[^a-z0-9]+", "-").Trim('-');

    /// <summary>A browser step that failed, already carrying the page's report.</summary>
    private sealed class StepFailedException(string message) : Xunit.Sdk.XunitException(message);
}
