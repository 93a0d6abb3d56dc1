"""matplotlib.mlab: the spectral estimates behind Axes.psd, csd, cohere, specgram and the
single spectra, computed with numpy as matplotlib 3.10 computes them (Welch's method:
segments of NFFT samples overlapping by noverlap, each detrended, windowed and
zero-padded to pad_to before its FFT; one-sided spectra of real signals)."""

import numpy as np

__all__ = ["window_hanning", "window_none", "detrend", "detrend_mean", "detrend_none", "detrend_linear",
           "stride_windows", "psd", "csd", "cohere", "specgram", "complex_spectrum", "magnitude_spectrum",
           "angle_spectrum", "phase_spectrum"]

_MODES = ("default", "psd", "complex", "magnitude", "angle", "phase")


def window_hanning(x):
    """x multiplied by a Hanning window of its length."""
    return np.hanning(len(x)) * x


def window_none(x):
    """x unchanged (no window)."""
    return x


def detrend_none(x, axis=None):
    """x unchanged."""
    return x


def detrend_mean(x, axis=None):
    """x minus its mean (along axis)."""
    x = np.asarray(x)
    if axis is not None and axis + 1 > x.ndim:
        raise ValueError(f"axis(={axis}) out of bounds")
    return x - x.mean(axis, keepdims=True)


def detrend_linear(y):
    """y minus its least-squares straight line (1-D only)."""
    y = np.asarray(y)
    if y.ndim > 1:
        raise ValueError("y cannot have ndim > 1")
    if not y.ndim:
        return np.array(0., dtype=y.dtype)
    x = np.arange(y.size, dtype=float)
    covariance = np.cov(x, y, bias=1)
    slope = covariance[0, 1] / covariance[0, 0]
    intercept = y.mean() - slope * x.mean()
    return y - (slope * x) - intercept


def detrend(x, key=None, axis=None):
    """x detrended by key: None or 'none', 'mean' or 'constant', 'linear', or a function."""
    if key is None or key in ("constant", "mean", "default"):
        return detrend(x, key=detrend_mean, axis=axis)
    if key == "linear":
        return detrend(x, key=detrend_linear, axis=axis)
    if key == "none":
        return detrend(x, key=detrend_none, axis=axis)
    if callable(key):
        x = np.asarray(x)
        if axis is not None and axis + 1 > x.ndim:
            raise ValueError(f"axis(={axis}) out of bounds")
        if (axis is None and x.ndim == 0) or (not axis and x.ndim == 1):
            return key(x)
        try:
            return key(x, axis=axis)
        except TypeError:
            return np.apply_along_axis(key, axis=axis, arr=x)
    raise ValueError(f"Unknown value for key: {key!r}, must be one of: 'default', 'constant', 'mean', "
                     "'linear', or a function")


def stride_windows(x, n, noverlap=0):
    """The segments of x of n samples, each starting n - noverlap after the last, as columns."""
    x = np.asarray(x)
    if noverlap >= n:
        raise ValueError("noverlap must be less than n")
    if n < 1:
        raise ValueError("n cannot be less than 1")
    if n > x.size:
        raise ValueError("n cannot be greater than the length of x")
    step = n - noverlap
    count = (x.size - noverlap) // step
    starts = np.arange(count) * step
    return x[starts[np.newaxis, :] + np.arange(n)[:, np.newaxis]]


def _spectral_helper(x, y=None, NFFT=None, Fs=None, detrend_func=None, window=None, noverlap=None,
                     pad_to=None, sides=None, scale_by_freq=None, mode=None):
    """(result, freqs, t) of the segment-wise spectra of x (and y): the core of every estimate."""
    same_data = y is None or y is x
    if y is None:
        y = x
    NFFT = 256 if NFFT is None else NFFT
    Fs = 2 if Fs is None else Fs
    noverlap = 0 if noverlap is None else noverlap
    detrend_func = detrend_none if detrend_func is None else detrend_func
    window = window_hanning if window is None else window
    scale_by_freq = True if scale_by_freq is None else scale_by_freq
    mode = "psd" if mode in (None, "default") else mode
    if mode not in _MODES:
        raise ValueError(f"{mode!r} is not a valid value for mode; supported values are "
                         f"{', '.join(map(repr, _MODES))}")
    if not same_data and mode != "psd":
        raise ValueError("x and y must be equal if mode is not 'psd'")
    x = np.asarray(x)
    if not same_data:
        y = np.asarray(y)
    sides = sides or "default"
    if sides == "default":
        sides = "twosided" if np.iscomplexobj(x) else "onesided"
    elif sides not in ("onesided", "twosided"):
        raise ValueError(f"{sides!r} is not a valid value for sides; supported values are 'default', "
                         "'onesided', 'twosided'")
    if len(x) < NFFT:
        x = _zero_padded(x, NFFT)
        if not same_data:
            y = _zero_padded(y, NFFT)
    pad_to = NFFT if pad_to is None else pad_to
    if mode != "psd":
        scale_by_freq = False
    if sides == "twosided":
        freq_count, scaling = pad_to, 1.
    else:
        freq_count = pad_to // 2 + 1 if pad_to % 2 == 0 else (pad_to + 1) // 2
        scaling = 2.
    if not np.iterable(window):
        window = window(np.ones(NFFT, x.dtype))
    window = np.asarray(window)
    if len(window) != NFFT:
        raise ValueError("The window length must match the data's first dimension")

    def spectra(data):
        segments = detrend(stride_windows(data, NFFT, noverlap), detrend_func, axis=0)
        return np.fft.fft(segments * window.reshape((-1, 1)), n=pad_to, axis=0)[:freq_count, :]

    result = spectra(x)
    freqs = np.fft.fftfreq(pad_to, 1 / Fs)[:freq_count]
    if not same_data:
        result = np.conj(result) * spectra(y)
    elif mode == "psd":
        result = np.conj(result) * result
    elif mode == "magnitude":
        result = np.abs(result) / window.sum()
    elif mode in ("angle", "phase"):
        result = np.angle(result)
    elif mode == "complex":
        result /= window.sum()
    if mode == "psd":
        # Double the one-sided spectrum but for the DC bin and, when NFFT is even, the last
        # (matplotlib looks at NFFT here, not at pad_to).
        if sides == "onesided":
            inner = slice(1, -1) if NFFT % 2 == 0 else slice(1, None)
            result[inner] *= scaling
        if scale_by_freq:
            result /= Fs
            result /= (np.abs(window) ** 2).sum()
        else:
            result /= window.sum() ** 2
    t = np.arange(NFFT / 2, len(x) - NFFT / 2 + 1, NFFT - noverlap) / Fs
    if sides == "twosided":
        # Centre the frequencies on zero: fftfreq lists the negative ones last.
        freqs = np.roll(freqs, -(pad_to // 2), axis=0)
        result = np.roll(result, -(pad_to // 2), axis=0)
    elif pad_to % 2 == 0:
        freqs[-1] *= -1  # the Nyquist frequency, which fftfreq gives as negative
    if mode == "phase":
        result = np.unwrap(result, axis=0)
    return result, freqs, t


def _zero_padded(data, length):
    padded = np.zeros(length, dtype=data.dtype)
    padded[:len(data)] = data
    return padded


def _single_spectrum_helper(mode, x, Fs=None, window=None, pad_to=None, sides=None):
    """(spectrum, freqs) of x in one segment (its whole length): the single spectra."""
    if mode is None or mode in ("psd", "default"):
        raise ValueError(f"_single_spectrum_helper does not work with {mode} mode")
    pad_to = len(x) if pad_to is None else pad_to
    spec, freqs, _ = _spectral_helper(x=x, y=None, NFFT=len(x), Fs=Fs, detrend_func=detrend_none,
                                      window=window, noverlap=0, pad_to=pad_to, sides=sides,
                                      scale_by_freq=False, mode=mode)
    if mode != "complex":
        spec = spec.real
    if spec.ndim == 2 and spec.shape[1] == 1:
        spec = spec[:, 0]
    return spec, freqs


def psd(x, NFFT=None, Fs=None, detrend=None, window=None, noverlap=None, pad_to=None, sides=None,
        scale_by_freq=None):
    """(Pxx, freqs): the power spectral density of x by Welch's average periodogram."""
    Pxx, freqs = csd(x, None, NFFT=NFFT, Fs=Fs, detrend=detrend, window=window, noverlap=noverlap,
                     pad_to=pad_to, sides=sides, scale_by_freq=scale_by_freq)
    return Pxx.real, freqs


def csd(x, y, NFFT=None, Fs=None, detrend=None, window=None, noverlap=None, pad_to=None, sides=None,
        scale_by_freq=None):
    """(Pxy, freqs): the cross spectral density of x and y by Welch's method."""
    NFFT = 256 if NFFT is None else NFFT
    Pxy, freqs, _ = _spectral_helper(x=x, y=y, NFFT=NFFT, Fs=Fs, detrend_func=detrend, window=window,
                                     noverlap=noverlap, pad_to=pad_to, sides=sides,
                                     scale_by_freq=scale_by_freq, mode="psd")
    if Pxy.ndim == 2:
        Pxy = Pxy.mean(axis=1) if Pxy.shape[1] > 1 else Pxy[:, 0]
    return Pxy, freqs


def cohere(x, y, NFFT=256, Fs=2, detrend=detrend_none, window=window_hanning, noverlap=0, pad_to=None,
           sides="default", scale_by_freq=None):
    """(Cxy, freqs): the magnitude-squared coherence of x and y."""
    if len(x) < 2 * NFFT:
        raise ValueError("Coherence is calculated by averaging over *NFFT* length segments.  Your signal "
                         "is too short for your choice of *NFFT*.")
    options = dict(NFFT=NFFT, Fs=Fs, detrend=detrend, window=window, noverlap=noverlap, pad_to=pad_to,
                   sides=sides, scale_by_freq=scale_by_freq)
    Pxx, freqs = psd(x, **options)
    Pyy, _ = psd(y, **options)
    Pxy, _ = csd(x, y, **options)
    return np.abs(Pxy) ** 2 / (Pxx * Pyy), freqs


def specgram(x, NFFT=None, Fs=None, detrend=None, window=None, noverlap=None, pad_to=None, sides=None,
             scale_by_freq=None, mode=None):
    """(spectrum, freqs, t): the spectra of x's segments (128 samples of overlap by default)."""
    NFFT = 256 if NFFT is None else NFFT
    noverlap = 128 if noverlap is None else noverlap
    spec, freqs, t = _spectral_helper(x=x, y=None, NFFT=NFFT, Fs=Fs, detrend_func=detrend, window=window,
                                      noverlap=noverlap, pad_to=pad_to, sides=sides,
                                      scale_by_freq=scale_by_freq, mode=mode)
    if mode != "complex":
        spec = spec.real
    return spec, freqs, t


def complex_spectrum(x, Fs=None, window=None, pad_to=None, sides=None):
    """(spectrum, freqs): the complex-valued frequency spectrum of x."""
    return _single_spectrum_helper("complex", x, Fs, window, pad_to, sides)


def magnitude_spectrum(x, Fs=None, window=None, pad_to=None, sides=None):
    """(spectrum, freqs): the magnitude of x's frequency spectrum."""
    return _single_spectrum_helper("magnitude", x, Fs, window, pad_to, sides)


def angle_spectrum(x, Fs=None, window=None, pad_to=None, sides=None):
    """(spectrum, freqs): the wrapped phase angle of x's frequency spectrum."""
    return _single_spectrum_helper("angle", x, Fs, window, pad_to, sides)


def phase_spectrum(x, Fs=None, window=None, pad_to=None, sides=None):
    """(spectrum, freqs): the unwrapped phase of x's frequency spectrum."""
    return _single_spectrum_helper("phase", x, Fs, window, pad_to, sides)
