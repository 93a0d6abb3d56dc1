"""The generated protobuf and gRPC modules (see generate.py)."""

try:
    from ._generated.code_interpreter.v1 import interpreter_pb2 as pb
    from ._generated.code_interpreter.v1 import interpreter_pb2_grpc as rpc
except ImportError as error:  # pragma: no cover - depends on the checkout
    raise ImportError(
        "the gRPC stubs are missing: run `python generate.py` in clients/python "
        "(needs grpcio-tools)"
    ) from error

__all__ = ["pb", "rpc"]
