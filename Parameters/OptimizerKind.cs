namespace AslSweep.Parameters;

/// <summary>Optimisers the trainer offers; RMSprop is Keras's default and the notebook's.</summary>
public enum OptimizerKind
{
    /// <summary>RMSprop with Keras defaults (rho 0.9, epsilon 1e-7).</summary>
    RmsProp,

    /// <summary>Adam with Keras defaults (beta 0.9/0.999, epsilon 1e-7).</summary>
    Adam,

    /// <summary>SGD with momentum.</summary>
    Sgd,
}
