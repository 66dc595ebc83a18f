using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SigmoidService.Inference.Digits;
using SigmoidService.Inference.Generation;
using SigmoidService.Inference.Models;
using SigmoidService.Inference.Sentiment;

namespace SigmoidService.Inference;

/// <summary>Registers the model repository, its start-up loading and the model-specific pipelines.</summary>
public static class InferenceServiceCollectionExtensions
{
    public static IServiceCollection AddModelInference(this IServiceCollection services)
    {
        services.AddOptions<InferenceOptions>()
            .BindConfiguration(InferenceOptions.SectionName)
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<InferenceOptions>, InferenceOptionsValidator>();

        services.AddSingleton<IModelPreparer, ReviewTokenizerPreparer>();
        services.AddSingleton<ModelRepository>();
        services.AddHostedService<ModelStartupService>();

        services.AddSingleton<DigitClassifier>();
        services.AddSingleton<SentimentClassifier>();
        services.AddSingleton<DigitGenerator>();
        return services;
    }
}
