using System.Text.RegularExpressions;

namespace OrleansAssistant.Gateway.Bot.Tests;

/// <summary>Checks that a piece of Telegram HTML stands on its own.</summary>
internal static partial class MessageFormattingHtml
{
    public static string WithoutTags(string html) => Tag().Replace(html, "");

    /// <summary>Balanced tags, whole entities, no surrogate half, no stray <c>&lt;</c>.</summary>
    public static void AssertWellFormed(string html)
    {
        var open = new Stack<string>();
        for (var index = 0; index < html.Length; index++)
        {
            var character = html[index];
            if (character == '<')
            {
                var close = html.IndexOf('>', index);
                Assert.True(close > index, $"unclosed tag at {index}");
                var tag = html[(index + 1)..close];
                if (tag.StartsWith('/')) Assert.Equal(open.Pop(), tag[1..]);
                else open.Push(tag.Split(' ')[0]);
                index = close;
            }
            else if (character == '&')
            {
                Assert.Matches("^&(amp|lt|gt|quot);", html[index..Math.Min(html.Length, index + 6)]);
            }
            else if (char.IsHighSurrogate(character))
            {
                Assert.True(index + 1 < html.Length && char.IsLowSurrogate(html[index + 1]), $"lone high surrogate at {index}");
                index++;
            }
            else
            {
                Assert.False(char.IsLowSurrogate(character), $"lone low surrogate at {index}");
                Assert.NotEqual('>', character);
            }
        }
        Assert.Empty(open);
    }

    [GeneratedRegex("<[^<>]*>")]
    private static partial Regex Tag();
}
