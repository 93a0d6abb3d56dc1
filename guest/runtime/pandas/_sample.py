"""Which rows ``sample`` takes: pandas' own recipe, numpy's legacy RandomState ``choice``."""


def positions(obj, length, n, frac, replace, weights, random_state, axis):
    """Row positions for DataFrame/Series.sample (pandas.core.sample)."""
    import numpy as np
    if axis not in (None, 0, "index", "rows"):
        raise NotImplementedError("sample(axis=1)")
    if n is not None and frac is not None:
        raise ValueError("Please enter a value for `frac` OR `n`, not both")
    if n is None and frac is None:
        n = 1
    elif frac is not None:
        if frac > 1 and not replace:
            raise ValueError("Replace has to be set to `True` when upsampling the population "
                             "`frac` > 1.")
        n = round(frac * length)
    if n < 0:
        raise ValueError("A negative number of rows requested. Please provide `n` >= 0.")
    if n > length and not replace:
        raise ValueError("Cannot take a larger sample than population when 'replace=False'")
    if weights is not None:
        if isinstance(weights, str):
            weights = obj[weights]
        weights = np.asarray(weights if not hasattr(weights, "tolist") else weights.tolist(),
                             dtype="float64")
        if len(weights) != length:
            raise ValueError("Weights and axis to be sampled must be of same length")
        if (weights < 0).any():
            raise ValueError("weight vector many not include negative values")
        weights = np.where(np.isnan(weights), 0, weights)
        total = weights.sum()
        if total == 0:
            raise ValueError("Invalid weights: weights sum to zero")
        weights = weights / total
    if random_state is None:
        state = np.random
    elif isinstance(random_state, (int, np.integer)):
        state = np.random.RandomState(random_state)
    elif isinstance(random_state, (np.random.RandomState, np.random.Generator)):
        state = random_state
    else:
        raise NotImplementedError(f"sample(random_state={type(random_state).__name__})")
    return [int(p) for p in state.choice(length, size=n, replace=replace, p=weights)]
