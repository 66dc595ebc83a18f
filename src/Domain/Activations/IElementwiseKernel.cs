namespace SigmoidService.Domain.Activations;

/// <summary>
/// The vector form of an activation whose scalar path uses only IEEE operations that vector hardware
/// performs identically (compare, select, add, multiply, divide, fused multiply-add). An implementation
/// repeats the scalar path's operations in the same order, so each lane is bit-identical to it.
/// </summary>
internal interface IElementwiseKernel
{
    TVector Value<TVector>(TVector x)
        where TVector : struct, ISimdDouble<TVector>;

    TVector Derivative<TVector>(TVector x)
        where TVector : struct, ISimdDouble<TVector>;
}
