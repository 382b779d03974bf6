namespace OrleansAssistant.Grains.Costs;

// Output tokens are the visible replies and reasoning tokens the models' thinking; the output cost covers both.
// Costs cover the priced calls only; UnpricedCalls counts the calls whose model had no price in force.

/// <summary>All questions of a scope in a date range.</summary>
public sealed record CostTotals(long Questions, long InputTokens, long OutputTokens, decimal InputCost, decimal OutputCost,
                                long ReasoningTokens = 0, long UnpricedCalls = 0)
{
    public decimal TotalCost => InputCost + OutputCost;
}

/// <summary>The model calls made to one model.</summary>
public sealed record ModelCost(string Model, long Calls, long InputTokens, long OutputTokens, decimal InputCost, decimal OutputCost,
                               long ReasoningTokens = 0, long UnpricedCalls = 0)
{
    public decimal TotalCost => InputCost + OutputCost;
}

/// <summary>The model calls of one pipeline stage (a SQL repair round counts as a call of its stage).</summary>
public sealed record StageCost(int StageNumber, string StageName, long Calls, long InputTokens, long OutputTokens, decimal InputCost, decimal OutputCost,
                               long ReasoningTokens = 0, long UnpricedCalls = 0)
{
    public decimal TotalCost => InputCost + OutputCost;
}

/// <summary>One member's questions in an organization's report.</summary>
public sealed record UserCost(long UserId, long Questions, long InputTokens, long OutputTokens, decimal InputCost, decimal OutputCost,
                              long ReasoningTokens = 0, long UnpricedCalls = 0)
{
    public decimal TotalCost => InputCost + OutputCost;
}

/// <summary>Tokens and their cost on one side of the model calls: what was sent, or what came back.</summary>
public sealed record TokenSpend(long Tokens, decimal Cost);

/// <summary>
/// Input against output: how the spend divides between prompts and answers. <see cref="Output"/> counts the
/// visible reply tokens and costs the reasoning too, whose tokens are <see cref="ReasoningTokens"/>.
/// </summary>
public sealed record InputOutputSplit(TokenSpend Input, TokenSpend Output, long ReasoningTokens = 0, long UnpricedCalls = 0)
{
    /// <summary>The input side's share of the total cost, 0 to 1 (0 when nothing was spent).</summary>
    public decimal InputShare
    {
        get
        {
            var total = Input.Cost + Output.Cost;
            return total == 0 ? 0 : Input.Cost / total;
        }
    }
}

/// <summary>Questions answered from the verified library and the stage-1 tokens they saved (an estimate).</summary>
public sealed record VerifiedAnswerTotals(long Answers, long TokensSaved);
