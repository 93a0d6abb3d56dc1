#!/usr/bin/env python3
"""Runs the image's and the pod's steps on this machine, without a container runtime.

    python3 -m venv /tmp/deploy-sim && /tmp/deploy-sim/bin/pip install pyyaml grpcio grpcio-tools
    sudo /tmp/deploy-sim/bin/python deploy/simulate.py --binary target/release/code-interpreter

Needs root, bubblewrap (`apt-get install bubblewrap`), setpriv, kubectl (for
`kubectl kustomize`), a release binary and the guest build (guest/build.sh).
It reads the commands and variables from the Dockerfile (final stage: ENV and
the RUN after USER) and from the rendered Deployment (initContainer command,
container args and env), then runs, as uid 10001 with no capabilities and
no_new_privs, under bwrap with a read-only root, in a private network namespace:

1. the image's cache step (Dockerfile RUN) into a fresh /opt/code-interpreter/cache;
2. the initContainer (copies it to the emptyDir for /var/cache/code-interpreter);
3. the server with the Deployment's args and env; then checks that it serves
   health (grpc.health.v1, "" and the API's name) without compiling again, runs
   cells (in a session, one-off, fuel-metered), and that on SIGTERM during a
   running cell health fails, the cell still ends normally and the process
   exits 0 within the shutdown grace;
4. with --cache-miss, the server again with the compiled modules deleted (a
   node whose CPU differs from the build machine's): it must compile into the
   emptyDir and serve.
What it does not reproduce: image layers, the container runtime's seccomp
profile and cgroup limits, the kubelet's probes and Kubernetes networking.
"""

import argparse
import os
import re
import shlex
import signal
import subprocess
import sys
import tempfile
import threading
import time

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
UID = "10001"
problems = []


def expect(ok, what):
    """Records a failed expectation; the run exits non-zero at the end."""
    if not ok:
        problems.append(what)
        print("UNEXPECTED:", what)


def dockerfile_final_stage():
    """(ENV dict, the RUN command after USER) of the Dockerfile's last stage."""
    text = open(os.path.join(REPO, "Dockerfile")).read().replace("\\\n", " ")
    lines = [line.strip() for line in text.splitlines()]
    stage = lines[max(i for i, line in enumerate(lines) if line.startswith("FROM ")):]
    env = {}
    for line in stage:
        if line.startswith("ENV "):
            env.update(pair.split("=", 1) for pair in shlex.split(line[4:]))
    user = next(i for i, line in enumerate(stage) if line.startswith("USER "))
    run = next(line[4:] for line in stage[user:] if line.startswith("RUN "))
    return env, run


def deployment():
    text = subprocess.run(["kubectl", "kustomize", HERE], check=True, capture_output=True,
                          text=True).stdout
    return next(d for d in yaml.safe_load_all(text)
                if d and d["kind"] == "Deployment" and d["metadata"]["name"] == "code-interpreter")


def bwrap(work, env, command, writable, popen=False):
    """command as uid 10001 under a read-only root; writable: /tmp (mode 1777, as an
    emptyDir or the image's /tmp) and the (host dir, mount point) given."""
    args = ["bwrap", "--ro-bind", "/", "/", "--dev", "/dev", "--proc", "/proc",
            "--perms", "1777", "--tmpfs", "/tmp",
            "--unshare-net", "--unshare-ipc", "--die-with-parent",
            "--tmpfs", "/opt", "--ro-bind", f"{work}/img/opt/code-interpreter", "/opt/code-interpreter",
            "--tmpfs", "/usr/local/bin",
            "--ro-bind", f"{work}/img/code-interpreter", "/usr/local/bin/code-interpreter",
            "--tmpfs", "/var/cache", "--dir", "/var/cache/code-interpreter",
            "--bind", writable[0], writable[1],
            "--remount-ro", "/opt", "--remount-ro", "/usr/local/bin", "--remount-ro", "/var/cache",
            "--clearenv", "--setenv", "PATH", "/usr/local/bin:/usr/bin:/bin",
            "--setenv", "HOME", "/nonexistent"]
    for key, value in env.items():
        args += ["--setenv", key, value]
    args += ["setpriv", f"--reuid={UID}", f"--regid={UID}", "--clear-groups",
             "--inh-caps=-all", "--bounding-set=-all", "--no-new-privs", "--"] + command
    if popen:
        return subprocess.Popen(args, stderr=subprocess.PIPE, text=True)
    subprocess.run(args, check=True)


def find_server(root_pid):
    """The code-interpreter process under bwrap (by walking /proc children)."""
    pending = [root_pid]
    while pending:
        pid = pending.pop()
        try:
            if open(f"/proc/{pid}/comm").read().strip().startswith("code-interpret"):
                return pid
            children = open(f"/proc/{pid}/task/{pid}/children").read().split()
        except FileNotFoundError:
            continue
        pending += [int(c) for c in children]
    return None


def client_phase(pid, stubs, grace):
    """Runs inside the server's network namespace (see main)."""
    import grpc
    sys.path.insert(0, stubs)
    from code_interpreter.v1 import interpreter_pb2 as pb, interpreter_pb2_grpc as rpc
    target = "127.0.0.1:50051"

    def health(channel, service=""):
        request = b"\x0a" + bytes([len(service)]) + service.encode() if service else b""
        try:
            reply = channel.unary_unary("/grpc.health.v1.Health/Check")(request, timeout=2)
        except grpc.RpcError as error:
            return error.code().name
        return {b"\x08\x01": "SERVING", b"\x08\x02": "NOT_SERVING"}.get(reply, repr(reply))

    def run(stub, **request):
        events = list(stub.Execute(pb.ExecuteRequest(**request), timeout=60))
        end = events[-1].end
        text = "".join(e.stream.text for e in events if e.WhichOneof("kind") == "stream")
        result = [e.result.text_plain for e in events if e.WhichOneof("kind") == "result"]
        return pb.Outcome.Name(end.outcome), text, result

    channel = grpc.insecure_channel(target)
    grpc.channel_ready_future(channel).result(timeout=120)
    for service in ("", "code_interpreter.v1.CodeInterpreter"):
        status = health(channel, service)
        print(f"health {service!r}: {status}")
        expect(status == "SERVING", f"health {service!r} is {status}")
    stub = rpc.CodeInterpreterStub(channel)
    session = stub.CreateSession(pb.CreateSessionRequest()).session.session_id
    run(stub, session_id=session, code="x = 2**100")
    for name, result, value in [
            ("session cell", run(stub, session_id=session, code="x + 1"),
             "1267650600228229401496703205377"),
            ("one-off cell", run(stub, code="import sympy; sympy.factorint(2**32 + 1)"),
             "{641: 1, 6700417: 1}"),
            ("fuel cell", run(stub, code="sum(range(10**5))",
                              instance_limits=pb.InstanceLimits(fuel_metered=True),
                              limits=pb.CellLimits(fuel=10**9)), "4999950000")]:
        print(f"{name}:", result)
        expect(result[0] == "OUTCOME_OK" and result[2] == [value], f"{name}: {result}")

    long_cell = {}
    thread = threading.Thread(target=lambda: long_cell.update(result=run(
        stub, session_id=session, code="import time; time.sleep(6); print('slept')")))
    thread.start()
    time.sleep(1)
    os.kill(pid, signal.SIGTERM)
    stopped_at = time.monotonic()
    time.sleep(0.5)
    for where, on in [("the open connection", channel),
                      ("a new connection", grpc.insecure_channel(target))]:
        status = health(on)
        print(f"after SIGTERM, health on {where}:", status)
        expect(status != "SERVING", f"still SERVING on {where} after SIGTERM")
    thread.join()
    print("long cell started before SIGTERM:", long_cell.get("result"))
    expect(long_cell.get("result") == ("OUTCOME_OK", "slept\n", []), "the running cell was cut")
    while os.path.exists(f"/proc/{pid}") and time.monotonic() - stopped_at < grace + 5:
        time.sleep(0.1)
    gone = time.monotonic() - stopped_at
    print(f"server gone {gone:.1f} s after SIGTERM (grace {grace} s)")
    expect(gone < grace, "the server outlived its shutdown grace")
    sys.exit(1 if problems else 0)


def serve(work, env, args, cache_dir, stubs, grace, compiles):
    cache_files = set(os.listdir(cache_dir))
    started = time.monotonic()
    proc = bwrap(work, env, ["code-interpreter"] + args,
                 (cache_dir, env["CODE_INTERPRETER_MODULE_CACHE"]), popen=True)
    logs = []
    threading.Thread(target=lambda: logs.extend(proc.stderr), daemon=True).start()
    pid = None
    while pid is None and time.monotonic() - started < 10:
        pid = find_server(proc.pid)
    while not any("serving the code-interpreter" in line for line in logs):
        if proc.poll() is not None or time.monotonic() - started > 120:
            sys.exit("the server did not start:\n" + "".join(logs))
        time.sleep(0.05)
    print(f"listening {time.monotonic() - started:.2f} s after start")
    client = subprocess.run(["nsenter", f"--net=/proc/{pid}/ns/net", sys.executable, __file__,
                             "--client-phase", str(pid), "--stubs", stubs, "--grace", str(grace)])
    expect(client.returncode == 0, "the client phase found problems (above)")
    code = proc.wait(timeout=grace + 15)
    print("exit code:", code)
    expect(code == 0, f"exit code {code}")
    added = sorted(set(os.listdir(cache_dir)) - cache_files)
    print("cache files added:", added or "none")
    expect(bool(added) == compiles, "compiled" if added else "did not compile")
    for line in logs:
        if '"level":"WARN"' in line or '"level":"ERROR"' in line or "compiled" in line:
            print("log:", line.strip())
    json_lines = all(line.startswith("{") for line in logs if line.strip())
    print("log lines are JSON:", json_lines)
    expect(json_lines, "a log line is not JSON")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", default=os.path.join(REPO, "target/release/code-interpreter"))
    parser.add_argument("--sandbox", default=os.path.expanduser(
        "~/.cache/code-interpreter/sandbox/current"))
    parser.add_argument("--cache-miss", action="store_true")
    parser.add_argument("--client-phase", type=int)
    parser.add_argument("--stubs")
    parser.add_argument("--grace", type=int)
    args = parser.parse_args()
    if args.client_phase:
        return client_phase(args.client_phase, args.stubs, args.grace)

    image_env, cache_step = dockerfile_final_stage()
    pod = deployment()["spec"]["template"]["spec"]
    init, container = pod["initContainers"][0], pod["containers"][0]
    env = {e["name"]: e["value"] for e in container["env"]}
    grace = int(env["CODE_INTERPRETER_SHUTDOWN_GRACE"])

    work = tempfile.mkdtemp(prefix="deploy-sim-")
    os.chmod(work, 0o755)
    stubs = os.path.join(work, "stubs")
    os.makedirs(stubs)
    subprocess.run([sys.executable, "-m", "grpc_tools.protoc", f"-I{REPO}/proto",
                    f"--python_out={stubs}", f"--grpc_python_out={stubs}",
                    "code_interpreter/v1/interpreter.proto"], check=True)
    image_cache, empty_dir = f"{work}/img/opt/code-interpreter/cache", f"{work}/emptydir-cache"
    os.makedirs(image_cache)
    os.makedirs(empty_dir)
    subprocess.run(["cp", "-a", os.path.realpath(args.sandbox) + "/.",
                    f"{work}/img/opt/code-interpreter/sandbox"], check=True)
    subprocess.run(["cp", args.binary, f"{work}/img/code-interpreter"], check=True)
    subprocess.run(["chown", f"{UID}:{UID}", image_cache, empty_dir], check=True)
    print("work dir:", work)

    print("== image build: the cache step, as in the Dockerfile")
    # At build time the image's filesystem is writable: bind the image cache.
    started = time.monotonic()
    bwrap(work, image_env, ["sh", "-c", cache_step], (image_cache, "/opt/code-interpreter/cache"))
    print(f"took {time.monotonic() - started:.0f} s; cache:",
          {f: os.path.getsize(f"{image_cache}/{f}") >> 20 for f in os.listdir(image_cache)}, "MiB")

    print("== initContainer:", " ".join(init["command"]))
    bwrap(work, {}, init["command"], (empty_dir, "/var/cache/code-interpreter"))
    print("emptyDir now holds:", sorted(os.listdir(empty_dir)))

    print("== container: code-interpreter", " ".join(container["args"]))
    serve(work, env, container["args"], empty_dir, stubs, grace, compiles=False)
    if args.cache_miss:
        print("== container again, compiled modules deleted (a node with another CPU)")
        for name in os.listdir(empty_dir):
            if name.endswith(".cwasm"):
                os.remove(os.path.join(empty_dir, name))
        serve(work, env, container["args"], empty_dir, stubs, grace, compiles=True)
    print("problems:", problems or "none")
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
