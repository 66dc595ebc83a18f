using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using SigmoidService.Api.Infrastructure;

namespace SigmoidService.Api.LogisticRegression;

/// <summary>
/// Fitted models in the shared IMemoryCache, each entry sized by its approximate bytes and kept while it
/// is used within <see cref="CacheOptions.ModelSlidingExpiration"/>. A model larger than the whole cache,
/// or one evicted under memory pressure, is gone and its id gets a 404.
/// </summary>
public sealed class LogisticModelStore(IMemoryCache cache, IOptions<CacheOptions> options)
{
    public void Add(StoredLogisticModel model)
    {
        var entry = new MemoryCacheEntryOptions
        {
            Size = model.ApproximateBytes,
            SlidingExpiration = options.Value.ModelSlidingExpiration,
        };
        cache.Set(Key(model.Response.ModelId), model, entry);
    }

    public bool TryGet(string modelId, out StoredLogisticModel? model) =>
        cache.TryGetValue(Key(modelId), out model) && model is not null;

    private static string Key(string modelId) => "logistic-regression-model:" + modelId;
}
