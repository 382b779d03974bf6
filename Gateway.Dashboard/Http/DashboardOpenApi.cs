using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace OrleansAssistant.Gateway.Dashboard.Http;

/// <summary>Titles the OpenAPI document and declares the bearer-token scheme the API uses.</summary>
internal sealed class DashboardOpenApi : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = "Orleans Assistant dashboard API",
            Version = "v1",
            Description = "Run an organization: members, databases, invitations, costs and the activity log. " +
                "Log in with POST /dashboard/login, then send 'Authorization: Bearer <token>'.",
        };
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes["bearer"] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "The token from POST /dashboard/login.",
        };
        return Task.CompletedTask;
    }
}
