namespace SigmoidService.Inference.Models;

/// <summary>
/// Builds what a model needs beside its graph, such as a tokenizer from its card and vocabulary, right after
/// the model loads, so that a broken companion file stops the service at start like a broken model does.
/// </summary>
public interface IModelPreparer
{
    /// <summary>Whether this preparer handles the model, judged from its card.</summary>
    bool AppliesTo(OnnxModel model);

    /// <summary>Builds the model's preprocessor and attaches it with <see cref="OnnxModel.SetPreprocessor"/>.</summary>
    /// <exception cref="ModelLoadException">A companion file is missing, corrupt or does not match the card.</exception>
    void Prepare(OnnxModel model);
}
