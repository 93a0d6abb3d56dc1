#!/usr/bin/env python3
"""Offline checks of the deployment files: no cluster and no Envoy binary needed.

    python3 -m venv /tmp/deploy-check
    /tmp/deploy-check/bin/pip install pyyaml kubernetes xds-protos protoc-gen-validate "protobuf<7"
    /tmp/deploy-check/bin/python deploy/check.py [--binary target/release/code-interpreter]

1. Kubernetes objects (`kubectl kustomize deploy` when kubectl exists, else
   deploy/k8s/*.yaml): every field is one the Kubernetes API models of the
   `kubernetes` Python client know, with the right JSON type. This catches
   typos and misplaced fields, not what admission or the API server checks.
2. deploy/envoy/envoy.yaml: parsed into Envoy's Bootstrap message (xds-protos),
   every typed_config resolved and unpacked, and the protoc-gen-validate rules
   that Envoy enforces when it loads a config checked on every message.
3. Consistency: Envoy's upstream is the headless Service's name and port, the
   probes use the container's port, the grace period covers preStop + the
   server's shutdown grace, and (with --binary) every CODE_INTERPRETER_*
   variable the Deployment sets is one `code-interpreter serve --help` knows.
Exits non-zero on the first kind of failure found, after printing them all.
"""

import argparse
import glob
import importlib
import os
import re
import shutil
import subprocess
import sys

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
errors = []


def fail(message):
    errors.append(message)
    print("FAIL", message)


def k8s_objects():
    if shutil.which("kubectl"):
        text = subprocess.run(["kubectl", "kustomize", HERE], check=True,
                              capture_output=True, text=True).stdout
        print("rendered with kubectl kustomize")
    else:
        text = "\n---\n".join(open(f).read() for f in sorted(glob.glob(f"{HERE}/k8s/*.yaml")))
    return [doc for doc in yaml.safe_load_all(text) if doc]


def check_model(value, typ, path):
    """Checks a JSON value against a kubernetes-client model type name."""
    import kubernetes.client as models
    if typ.lower().startswith("list["):  # "List[V1Container]" (older clients: "list[...]")
        if not isinstance(value, list):
            return fail(f"{path}: expected a list")
        for i, item in enumerate(value):
            check_model(item, typ[5:-1], f"{path}[{i}]")
    elif typ.lower().startswith(("dict[", "dict(")):  # "Dict[str, str]" or "dict(str, str)"
        if not isinstance(value, dict):
            return fail(f"{path}: expected a map")
        for key, item in value.items():
            check_model(item, typ[5:-1].split(", ", 1)[1], f"{path}.{key}")
    elif typ in ("str", "datetime", "bytes"):
        if not isinstance(value, str):
            fail(f"{path}: expected a string, got {value!r}")
    elif typ == "int":
        if not isinstance(value, int) or isinstance(value, bool):
            fail(f"{path}: expected an integer, got {value!r}")
    elif typ == "bool":
        if not isinstance(value, bool):
            fail(f"{path}: expected a boolean, got {value!r}")
    elif typ == "float":
        if not isinstance(value, (int, float)) or isinstance(value, bool):
            fail(f"{path}: expected a number, got {value!r}")
    elif typ == "object":  # IntOrString and free-form fields
        pass
    else:
        cls = getattr(models, typ)
        if not isinstance(value, dict):
            return fail(f"{path}: expected an object ({typ})")
        fields = {json: (attr, cls.openapi_types[attr]) for attr, json in cls.attribute_map.items()}
        for key, item in value.items():
            if key not in fields:
                fail(f"{path}: unknown field {key!r} in {typ}")
            else:
                check_model(item, fields[key][1], f"{path}.{key}")


def check_k8s(objects):
    for obj in objects:
        version = obj["apiVersion"].split("/")[-1]
        typ = version[0].upper() + version[1:] + obj["kind"]
        name = f'{obj["kind"]}/{obj["metadata"]["name"]}'
        check_model(obj, typ, name)
        print("ok  ", name)


ENVOY_EXTENSIONS = [
    "envoy.config.bootstrap.v3.bootstrap_pb2",
    "envoy.extensions.filters.network.http_connection_manager.v3.http_connection_manager_pb2",
    "envoy.extensions.filters.http.router.v3.router_pb2",
    "envoy.extensions.filters.http.health_check.v3.health_check_pb2",
    "envoy.extensions.filters.http.stateful_session.v3.stateful_session_pb2",
    "envoy.extensions.http.stateful_session.header.v3.header_pb2",
    "envoy.extensions.access_loggers.stream.v3.stream_pb2",
    "envoy.extensions.upstreams.http.v3.http_protocol_options_pb2",
]


def _repeated(field):
    return field.is_repeated if hasattr(field, "is_repeated") else field.label == field.LABEL_REPEATED


def check_envoy(path):
    from google.protobuf import json_format, symbol_database
    from protoc_gen_validate.validator import ValidationFailed, validate
    modules = [importlib.import_module(m) for m in ENVOY_EXTENSIONS]
    bootstrap = json_format.ParseDict(yaml.safe_load(open(path)), modules[0].Bootstrap())
    db = symbol_database.Default()
    count = 0

    def validated(message, where):
        # validate() follows nested messages itself, but not into Any fields.
        nonlocal count
        try:
            validate(message)
        except ValidationFailed as error:
            fail(f"envoy {where}: {error}")
        count += 1
        find_any(message, where)

    def find_any(message, where):
        for field, value in message.ListFields():
            if field.message_type is None:
                continue
            items = value.values() if field.message_type.GetOptions().map_entry else (
                value if _repeated(field) else [value])
            for item in items:
                if item.DESCRIPTOR.full_name == "google.protobuf.Any":
                    inner = db.GetSymbol(item.TypeName())()
                    item.Unpack(inner)
                    validated(inner, f"{where}.{field.name}<{item.TypeName().split('.')[-1]}>")
                else:
                    find_any(item, f"{where}.{field.name}")

    validated(bootstrap, "bootstrap")
    print(f"ok   envoy config parsed; it and its {count - 1} typed configs validated")
    return bootstrap


def check_consistency(objects, bootstrap, binary):
    by_kind = {(o["kind"], o["metadata"]["name"]): o for o in objects}
    cluster = next(c for c in bootstrap.static_resources.clusters if c.name == "code-interpreter")
    socket = cluster.load_assignment.endpoints[0].lb_endpoints[0].endpoint.address.socket_address
    service = by_kind.get(("Service", socket.address))
    if service is None or service["spec"].get("clusterIP") != "None":
        fail(f"envoy upstream {socket.address} is not a headless Service")
    elif socket.port_value not in [p["port"] for p in service["spec"]["ports"]]:
        fail(f"envoy upstream port {socket.port_value} is not a port of {socket.address}")

    pod = by_kind[("Deployment", "code-interpreter")]["spec"]["template"]["spec"]
    container = pod["containers"][0]
    env = {e["name"]: e["value"] for e in container["env"]}
    port = int(env["CODE_INTERPRETER_LISTEN"].rsplit(":", 1)[1])
    if port not in [p["containerPort"] for p in container["ports"]]:
        fail(f"the server listens on {port}, not a container port")
    for probe in ("startupProbe", "readinessProbe", "livenessProbe"):
        if container.get(probe, {}).get("grpc", {}).get("port") != port:
            fail(f"{probe} is not a gRPC probe of port {port}")
    pre_stop = int(container["lifecycle"]["preStop"]["exec"]["command"][1])
    grace = int(env["CODE_INTERPRETER_SHUTDOWN_GRACE"])
    if pod["terminationGracePeriodSeconds"] < pre_stop + grace:
        fail("terminationGracePeriodSeconds < preStop + CODE_INTERPRETER_SHUTDOWN_GRACE")
    mounts = {m["mountPath"] for m in container["volumeMounts"]}
    for var in ("CODE_INTERPRETER_MODULE_CACHE", "CODE_INTERPRETER_SCRATCH_DIR"):
        if not any(env[var] == m or env[var].startswith(m + "/") for m in mounts):
            fail(f"{var}={env[var]} is not on a writable volume")
    if binary:
        known = set(re.findall(r"env: (CODE_INTERPRETER_\w+)=",
                               subprocess.run([binary, "serve", "--help"], check=True,
                                              capture_output=True, text=True).stdout))
        for var in env:
            if var.startswith("CODE_INTERPRETER_") and var not in known:
                fail(f"{var} is not a variable of `serve` ({binary})")
    print("ok   consistency")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--binary", help="a code-interpreter binary, to check the variables")
    args = parser.parse_args()
    objects = k8s_objects()
    check_k8s(objects)
    bootstrap = check_envoy(os.path.join(HERE, "envoy", "envoy.yaml"))
    check_consistency(objects, bootstrap, args.binary)
    if errors:
        print(f"{len(errors)} problem(s)")
        sys.exit(1)
    print("all checks passed")


if __name__ == "__main__":
    main()
