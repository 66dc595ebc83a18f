using Serilog;
using SigmoidService.Api.Activations;
using SigmoidService.Api.Datasets;
using SigmoidService.Api.Expressions;
using SigmoidService.Api.Health;
using SigmoidService.Api.Infrastructure;
using SigmoidService.Api.LogisticRegression;
using SigmoidService.Api.Models;
using SigmoidService.Api.Networks;
using SigmoidService.Api.OpenInference;
using SigmoidService.Api.Plots;
using SigmoidService.Api.Policies;
using SigmoidService.Api.Softmax;

if (args is ["--probe", var probeUrl])
{
    return await HealthProbe.RunAsync(probeUrl);
}

var builder = WebApplication.CreateBuilder(args);

builder.Host.UseSerilog((context, services, logger) => logger
    .ReadFrom.Configuration(context.Configuration)
    .ReadFrom.Services(services)
    .Enrich.FromLogContext());

builder.Services.AddServiceInfrastructure(builder.Configuration);
builder.Services.AddServiceOpenApi();
builder.Services.AddServiceHealthChecks();
builder.Services.AddModels();
builder.Services.AddActivations();
builder.Services.AddNetworkLimits();
builder.Services.AddLogisticRegression();
builder.Services.AddPlots();

var app = builder.Build();

app.UseServiceInfrastructure();
app.UseServiceOpenApi();
app.UseDefaultFiles();
app.UseStaticFiles();

app.MapServiceHealthChecks();
app.MapOpenInference();

var api = app.MapGroup("/api/v1").AddEndpointFilter<RejectionLoggingFilter>();
api.WithPlots();
api.MapActivations();
api.MapModels();
api.MapSoftmax();
api.MapNetworks();
api.MapGradients();
api.MapPolicies();
api.MapExpressions();
api.MapLogisticRegression();
api.MapDatasets();

await app.RunAsync();
return 0;

/// <summary>The entry point, public so that integration tests can host it with WebApplicationFactory.</summary>
public partial class Program;
