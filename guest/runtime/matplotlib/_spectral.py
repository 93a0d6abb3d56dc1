"""The signal-processing plots of Axes (psd, csd, cohere, specgram, the single spectra,
xcorr and acorr): mlab's estimates drawn as matplotlib 3.10 draws them, with its labels,
grid and dB tick steps."""

import math

from . import mlab

_MAGNITUDE_UNITS = {None: "energy", "default": "energy", "linear": "energy", "dB": "dB"}


def _numpy():
    import numpy

    return numpy


class SpectralMethods:
    """Axes methods over matplotlib.mlab (mixed into Axes)."""

    def psd(self, x, NFFT=None, Fs=None, Fc=None, detrend=None, window=None, noverlap=None, pad_to=None,
            sides=None, scale_by_freq=None, return_line=None, **kwargs):
        """Plot the power spectral density of x in dB; returns (Pxx, freqs) (and the line)."""
        pxx, freqs = mlab.psd(x=x, NFFT=NFFT, Fs=Fs, detrend=detrend, window=window, noverlap=noverlap,
                              pad_to=pad_to, sides=sides, scale_by_freq=scale_by_freq)
        freqs += Fc or 0
        units = "dB/Hz" if scale_by_freq in (None, True) else "dB"
        line = self.plot(freqs, 10 * _numpy().log10(pxx), **kwargs)
        self._spectrum_axes(f"Power Spectral Density ({units})")
        return (pxx, freqs, line) if return_line else (pxx, freqs)

    def csd(self, x, y, NFFT=None, Fs=None, Fc=None, detrend=None, window=None, noverlap=None, pad_to=None,
            sides=None, scale_by_freq=None, return_line=None, **kwargs):
        """Plot the magnitude of the cross spectral density of x and y in dB; returns (Pxy, freqs)."""
        np = _numpy()
        pxy, freqs = mlab.csd(x=x, y=y, NFFT=NFFT, Fs=Fs, detrend=detrend, window=window, noverlap=noverlap,
                              pad_to=pad_to, sides=sides, scale_by_freq=scale_by_freq)
        freqs += Fc or 0
        line = self.plot(freqs, 10 * np.log10(np.abs(pxy)), **kwargs)
        self._spectrum_axes("Cross Spectrum Magnitude (dB)")
        return (pxy, freqs, line) if return_line else (pxy, freqs)

    def _spectrum_axes(self, ylabel):
        """Labels, grid and y ticks every 10**k dB over the data, as psd and csd set them."""
        self.set_xlabel("Frequency")
        self.set_ylabel(ylabel)
        self.grid(True)
        vmin, vmax = sorted(self.get_ylim())
        step = max(10 * int(math.log10(vmax - vmin)), 1)
        self.set_yticks(_numpy().arange(math.floor(vmin), math.ceil(vmax) + 1, step))

    def cohere(self, x, y, NFFT=256, Fs=2, Fc=0, detrend=mlab.detrend_none, window=mlab.window_hanning,
               noverlap=0, pad_to=None, sides="default", scale_by_freq=None, **kwargs):
        """Plot the coherence of x and y; returns (Cxy, freqs)."""
        cxy, freqs = mlab.cohere(x=x, y=y, NFFT=NFFT, Fs=Fs, detrend=detrend, window=window,
                                 noverlap=noverlap, scale_by_freq=scale_by_freq, sides=sides, pad_to=pad_to)
        freqs += Fc
        self.plot(freqs, cxy, **kwargs)
        self.set_xlabel("Frequency")
        self.set_ylabel("Coherence")
        self.grid(True)
        return cxy, freqs

    def magnitude_spectrum(self, x, Fs=None, Fc=None, window=None, pad_to=None, sides=None, scale=None,
                           **kwargs):
        """Plot the magnitude spectrum of x (scale='dB' for 20 log10); returns (spectrum, freqs, line)."""
        if scale not in _MAGNITUDE_UNITS:
            raise ValueError(f"{scale!r} is not a valid value for scale; supported values are "
                             f"{', '.join(map(repr, _MAGNITUDE_UNITS))}")
        units = _MAGNITUDE_UNITS[scale]
        spec, freqs = mlab.magnitude_spectrum(x=x, Fs=Fs, window=window, pad_to=pad_to, sides=sides)
        freqs += Fc or 0
        values = spec if units == "energy" else 20. * _numpy().log10(spec)
        line, = self.plot(freqs, values, **kwargs)
        self.set_xlabel("Frequency")
        self.set_ylabel(f"Magnitude ({units})")
        return spec, freqs, line

    def angle_spectrum(self, x, Fs=None, Fc=None, window=None, pad_to=None, sides=None, **kwargs):
        """Plot the wrapped phase spectrum of x; returns (spectrum, freqs, line)."""
        return self._phase_plot(mlab.angle_spectrum, "Angle (radians)", x, Fs, Fc, window, pad_to, sides, kwargs)

    def phase_spectrum(self, x, Fs=None, Fc=None, window=None, pad_to=None, sides=None, **kwargs):
        """Plot the unwrapped phase spectrum of x; returns (spectrum, freqs, line)."""
        return self._phase_plot(mlab.phase_spectrum, "Phase (radians)", x, Fs, Fc, window, pad_to, sides, kwargs)

    def _phase_plot(self, spectrum, ylabel, x, Fs, Fc, window, pad_to, sides, kwargs):
        spec, freqs = spectrum(x=x, Fs=Fs, window=window, pad_to=pad_to, sides=sides)
        freqs += Fc or 0
        lines = self.plot(freqs, spec, **kwargs)
        self.set_xlabel("Frequency")
        self.set_ylabel(ylabel)
        return spec, freqs, lines[0]

    def specgram(self, x, NFFT=None, Fs=None, Fc=None, detrend=None, window=None, noverlap=None, cmap=None,
                 xextent=None, pad_to=None, sides=None, scale_by_freq=None, mode=None, scale=None, vmin=None,
                 vmax=None, **kwargs):
        """Show the spectrogram of x as an image (dB by default); returns (spectrum, freqs, t, image)."""
        np = _numpy()
        NFFT = 256 if NFFT is None else NFFT
        noverlap = 128 if noverlap is None else noverlap
        Fs = 2 if Fs is None else Fs
        if mode == "complex":
            raise ValueError("Cannot plot a complex specgram")
        if scale in (None, "default"):
            scale = "linear" if mode in ("angle", "phase") else "dB"
        elif mode in ("angle", "phase") and scale == "dB":
            raise ValueError("Cannot use dB scale with angle or phase mode")
        if scale not in ("linear", "dB"):
            raise ValueError(f"Unknown scale {scale!r}")
        if "origin" in kwargs:
            raise TypeError("specgram() got an unexpected keyword argument 'origin'")
        spec, freqs, t = mlab.specgram(x=x, NFFT=NFFT, Fs=Fs, detrend=detrend, window=window, noverlap=noverlap,
                                       pad_to=pad_to, sides=sides, scale_by_freq=scale_by_freq, mode=mode)
        if scale == "linear":
            values = spec
        else:
            values = (10. if mode in (None, "default", "psd") else 20.) * np.log10(spec)
        if xextent is None:
            pad = (NFFT - noverlap) / Fs / 2  # half a step before the first segment and after the last
            xextent = np.min(t) - pad, np.max(t) + pad
        freqs += Fc or 0
        extent = (xextent[0], xextent[1], freqs[0], freqs[-1])
        image = self.imshow(np.flipud(values), cmap, extent=extent, vmin=vmin, vmax=vmax, origin="upper",
                            **kwargs)
        self.axis("auto")
        return spec, freqs, t, image

    def xcorr(self, x, y, normed=True, detrend=mlab.detrend_none, usevlines=True, maxlags=10, **kwargs):
        """Plot the cross correlation of x and y at lags -maxlags..maxlags; returns (lags, c, artist, line)."""
        np = _numpy()
        count = len(x)
        if count != len(y):
            raise ValueError("x and y must be equal length")
        x, y = detrend(np.asarray(x)), detrend(np.asarray(y))
        correlations = np.correlate(x, y, mode="full")
        if normed:
            correlations = correlations / np.sqrt(np.dot(x, x) * np.dot(y, y))
        maxlags = count - 1 if maxlags is None else maxlags
        if maxlags >= count or maxlags < 1:
            raise ValueError(f"maxlags must be None or strictly positive < {count}")
        lags = np.arange(-maxlags, maxlags + 1)
        correlations = correlations[count - 1 - maxlags:count + maxlags]
        if usevlines:
            stems = self.vlines(lags, [0], correlations, **kwargs)
            kwargs.pop("label", None)  # only the vertical lines get a legend entry
            return lags, correlations, stems, self.axhline(**kwargs)
        kwargs.setdefault("marker", "o")
        kwargs.setdefault("linestyle", "None")
        line, = self.plot(lags, correlations, **kwargs)
        return lags, correlations, line, None

    def acorr(self, x, **kwargs):
        """Plot the autocorrelation of x (xcorr of x with itself)."""
        return self.xcorr(x, x, **kwargs)
