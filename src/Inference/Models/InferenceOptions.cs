using System.ComponentModel.DataAnnotations;

namespace SigmoidService.Inference.Models;

/// <summary>
/// Where the model repository is and how ONNX Runtime runs its models. Bound from the <c>Inference</c>
/// configuration section and validated at start-up, so that a wrong path stops the service with a message.
/// </summary>
public sealed class InferenceOptions
{
    public const string SectionName = "Inference";

    /// <summary>
    /// The model repository folder, laid out as <c>&lt;name&gt;/&lt;version&gt;/model.onnx</c>. A relative path
    /// is looked up from the content root and from each of its parent folders, then from the application
    /// folder and its parents, so that <c>models</c> is found from the repository root, from tests and in
    /// the container.
    /// </summary>
    [Required(AllowEmptyStrings = false)]
    public string ModelRepositoryPath { get; set; } = "models";

    /// <summary>Threads one <c>Run</c> may use inside an operator; 0 lets ONNX Runtime choose (one per core).</summary>
    [Range(0, 1024)]
    public int IntraOpThreads { get; set; }

    /// <summary>Threads that run independent operators in parallel; 0 lets ONNX Runtime choose.</summary>
    [Range(0, 1024)]
    public int InterOpThreads { get; set; }

    /// <summary>The graph optimisations ONNX Runtime applies when it loads a model.</summary>
    public ModelGraphOptimization GraphOptimizationLevel { get; set; } = ModelGraphOptimization.All;

    /// <summary>
    /// The models the service expects, by name. Each is required unless marked optional; a model found in
    /// the repository but not listed here is loaded too, as a required one.
    /// </summary>
    public Dictionary<string, ModelOptions> Models { get; set; } = new(StringComparer.Ordinal);
}
