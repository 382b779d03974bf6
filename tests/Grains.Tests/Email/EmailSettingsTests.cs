using OrleansAssistant.Grains.Email;

namespace OrleansAssistant.Grains.Tests.Email;

public sealed class EmailSettingsTests
{
    [Fact]
    public void ToString_WithPassword_NeverShowsIt()
    {
        var settings = new EmailSettings { User = "bot@example.com", Password = "s3cret-app-password" };

        Assert.DoesNotContain("s3cret", settings.ToString(), StringComparison.Ordinal);
        Assert.Contains("(set)", settings.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("smtp.gmail.com", EmailSecurity.SslOnConnect, "bot@example.com", "pass", true)]
    [InlineData("smtp.gmail.com", EmailSecurity.SslOnConnect, "bot@example.com", null, false)]
    [InlineData("smtp.gmail.com", EmailSecurity.None, null, null, false)]
    [InlineData("127.0.0.1", EmailSecurity.None, null, null, true)]
    [InlineData("127.0.0.1", EmailSecurity.StartTls, null, null, false)]
    public void IsConfigured_NeedsALoginOrAChosenPlainServer(string host, EmailSecurity security, string? user, string? password, bool configured)
    {
        var settings = new EmailSettings { Host = host, Security = security, User = user, Password = password };

        Assert.Equal(configured, settings.IsConfigured);
    }

    [Theory]
    [InlineData(465, EmailSecurity.SslOnConnect)]
    [InlineData(587, EmailSecurity.StartTls)]
    public void DefaultSecurity_FollowsThePort(int port, EmailSecurity expected) =>
        Assert.Equal(expected, EmailSettings.DefaultSecurityFor(port));

    [Fact]
    public void Sender_WithoutFrom_IsTheLogin() =>
        Assert.Equal("bot@example.com", new EmailSettings { User = "bot@example.com" }.Sender);
}
