namespace OrleansAssistant.TestSupport.Telegram;

/// <summary>One file part of a multipart Bot API request.</summary>
internal sealed record UploadedFile(string FileName, string? ContentType, byte[] Content);
