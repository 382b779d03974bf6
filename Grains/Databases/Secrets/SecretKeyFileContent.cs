namespace OrleansAssistant.Grains.Databases.Secrets;

/// <summary>The key file's JSON: <c>{"currentKeyId": "…", "keys": {"&lt;id&gt;": "&lt;base64&gt;"}}</c>.</summary>
internal sealed record SecretKeyFileContent(string CurrentKeyId, Dictionary<string, string> Keys);
