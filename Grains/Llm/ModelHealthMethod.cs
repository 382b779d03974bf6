namespace OrleansAssistant.Grains.Llm;

/// <summary>How the models' presence was learnt.</summary>
public enum ModelHealthMethod
{
    /// <summary>Nothing was asked (no key, not checked yet) or the endpoint could not be reached.</summary>
    None,

    /// <summary><c>GET {BaseUrl}models</c> answered with the list of offered models.</summary>
    ModelList,

    /// <summary>The endpoint does not list its models (404/405), so each model got a 1-token chat completion.</summary>
    OneTokenCalls,
}
