from guest_runtime import display  # noqa: F401  (the runtime's old name, which user code may import)
