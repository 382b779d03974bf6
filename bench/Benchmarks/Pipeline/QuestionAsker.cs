using OrleansAssistant.Grains.Interfaces.Questions;
using OrleansAssistant.Grains.Interfaces.Users;

namespace OrleansAssistant.Benchmarks.Pipeline;

/// <summary>Asks through the user grain, the path a Telegram question takes; anything but an answer stops the run.</summary>
internal sealed class QuestionAsker(IGrainFactory grains)
{
    public const string SalesByRegion = "What were our sales by region, leaving out cancelled orders?";

    public async Task<QuestionAnswer> AskAsync(long userId, string question = SalesByRegion)
    {
        var answer = await grains.GetGrain<IUserGrain>(userId).AskAsync(chatId: userId, question);
        // A refused question (rate limit, still working) returns at once, so its timing would flatter the figures.
        if (answer.Outcome != QuestionOutcome.Answered) throw new InvalidOperationException($"Question {answer.Outcome}: {answer.Text}");
        return answer;
    }
}
