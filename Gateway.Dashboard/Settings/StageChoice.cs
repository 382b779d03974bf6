using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using OrleansAssistant.Gateway.Dashboard.Http;
using OrleansAssistant.Grains.Interfaces.Budgets;

namespace OrleansAssistant.Gateway.Dashboard.Settings;

/// <summary>The body of <c>PUT /dashboard/settings/models</c>: a model name or null per stage; a stage left out keeps the installation's default.</summary>
internal static class StageChoice
{
    public const string Summary = "summary";
    public const string Answer = "answer";
    public const string Email = "email";

    private const int MaxModelLength = 200;

    public static (ChosenModels? Models, ValidationProblem? Problem) Read(JsonElement? body)
    {
        if (body is not { } fields)
        {
            return (null, Problems.Invalid("body", "The request could not be read. Send { \"summary\", \"answer\", \"email\" }, each a model name or null."));
        }
        var chosen = new Dictionary<string, string?>();
        foreach (var field in fields.EnumerateObject())
        {
            if (field.Name is not (Summary or Answer or Email))
            {
                return (null, Problems.Invalid(field.Name, $"“{field.Name}” is not a stage. The stages are summary, answer and email."));
            }
            var model = field.Value.ValueKind switch
            {
                JsonValueKind.Null => "",
                JsonValueKind.String => field.Value.GetString()!.Trim(),
                _ => null,
            };
            if (model is null || model.Length > MaxModelLength || (model.Length == 0 && field.Value.ValueKind == JsonValueKind.String))
            {
                return (null, Problems.Invalid(field.Name, $"The {field.Name} model is the name of a priced model, or null for the installation's default."));
            }
            chosen[field.Name] = model.Length == 0 ? null : model;
        }
        return (new ChosenModels(chosen.GetValueOrDefault(Summary), chosen.GetValueOrDefault(Answer), chosen.GetValueOrDefault(Email)), null);
    }

    /// <summary>The first stage whose chosen model is not among <paramref name="priced"/>, for a refusal that names it.</summary>
    public static (string Field, string Model)? Unpriced(ChosenModels models, IReadOnlyList<PricedModel> priced)
    {
        var names = priced.Select(p => p.Model).ToHashSet(StringComparer.Ordinal);
        foreach (var (field, model) in new[] { (Summary, models.Summary), (Answer, models.Answer), (Email, models.Email) })
        {
            if (model is not null && !names.Contains(model)) return (field, model);
        }
        return null;
    }
}
