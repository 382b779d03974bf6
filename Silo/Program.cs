using OrleansAssistant.Grains.Storage.Sql;
using OrleansAssistant.Hosting;
using OrleansAssistant.Silo;

try
{
    await using var app = AssistantSilo.Build(args);
    await AssistantSilo.StartAsync(app);
    await app.WaitForShutdownAsync();
    return 0;
}
catch (Exception error) when (error is InvalidSettingException or DatabaseUnavailableException)
{
    // One clear line instead of a stack trace: these are the operator's to fix.
    Console.Error.WriteLine(error.Message);
    return 2;
}
