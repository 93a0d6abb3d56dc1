"""The API's limit messages from keyword arguments (None: the server's default)."""

from __future__ import annotations

import math

from ._proto import pb


def cell_limits(timeout: float | None = None, fuel: int | None = None,
                max_output_bytes: int | None = None) -> pb.CellLimits | None:
    """Limits of one cell: wall-clock timeout in seconds, fuel budget, output cap."""
    if timeout is None and fuel is None and max_output_bytes is None:
        return None
    limits = pb.CellLimits(max_output_bytes=max_output_bytes or 0)
    if timeout is not None:
        limits.timeout_ms = math.ceil(timeout * 1000)
    if fuel is not None:
        limits.fuel = fuel
    return limits


def instance_limits(memory_bytes: int | None = None, fuel_metered: bool = False,
                    random_seed: int | None = None) -> pb.InstanceLimits:
    """Limits of an interpreter: memory cap, fuel metering, seed of `random`."""
    limits = pb.InstanceLimits(memory_bytes=memory_bytes or 0, fuel_metered=fuel_metered)
    if random_seed is not None:
        limits.random_seed = random_seed
    return limits
