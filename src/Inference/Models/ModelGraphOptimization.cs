namespace SigmoidService.Inference.Models;

/// <summary>The graph optimisation levels of ONNX Runtime, named as in its documentation.</summary>
public enum ModelGraphOptimization
{
    /// <summary>No graph rewriting.</summary>
    Disabled,

    /// <summary>Semantics-preserving rewrites such as constant folding and redundant node removal.</summary>
    Basic,

    /// <summary>Basic plus node fusions.</summary>
    Extended,

    /// <summary>Extended plus layout optimisations.</summary>
    All,
}
