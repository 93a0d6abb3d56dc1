# syntax=docker/dockerfile:1.7
#
# The code-interpreter gRPC service and its guest (CPython 3.11 for wasm32-wasi).
#
#   docker build -t code-interpreter .                    (BuildKit; see deploy/README.md)
#   docker run --rm -p 50051:50051 code-interpreter       (serves on 0.0.0.0:50051)
#
# Build stage: the same steps as scripts/run.sh. Needs the base images and the
# package registries only (Debian apt and deb-src, PyPI for the pinned wheels,
# crates.io). The guest build takes ~7 minutes the first time; its stage cache
# lives in a BuildKit cache mount, so later builds redo only what changed.
# Debian bookworm is required: guest/build.sh builds Debian bookworm's
# python3.11 source package with bookworm's clang-14 and wasi-libc.
ARG RUST_IMAGE=rust:1.95-bookworm
ARG RUNTIME_IMAGE=debian:bookworm-slim

FROM ${RUST_IMAGE} AS build
SHELL ["/bin/bash", "-o", "pipefail", "-c"]
# Parallel jobs for the guest build and cargo.
ARG JOBS=2
ENV JOBS=${JOBS} CODE_INTERPRETER_CACHE=/cache DEBIAN_FRONTEND=noninteractive
# guest/build.sh downloads the pinned wheels with `python3 -m pip download`.
RUN apt-get update -qq \
 && apt-get install -y -qq --no-install-recommends python3 python3-pip \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src

# The guest first: its inputs change less often than the Rust sources.
COPY scripts/host-deps.sh scripts/
RUN scripts/host-deps.sh
COPY guest guest
RUN --mount=type=cache,target=/cache,id=code-interpreter-guest \
    dist=$(guest/build.sh | tail -n 1) \
 && mkdir -p /out \
 && cp -a "$dist" /out/sandbox

COPY Cargo.toml Cargo.lock build.rs ./
COPY proto proto
COPY src src
# Cargo.toml names the benches, so their files must exist for the manifest to load.
COPY benches benches
RUN --mount=type=cache,target=/usr/local/cargo/registry,id=code-interpreter-cargo-registry \
    --mount=type=cache,target=/src/target,id=code-interpreter-target \
    cargo build --release --locked -j "$JOBS" --bin code-interpreter \
 && cp target/release/code-interpreter /out/code-interpreter

FROM ${RUNTIME_IMAGE}
# The binary needs only glibc and libgcc_s (both in bookworm-slim); the chart
# fonts are compiled into it.
RUN groupadd --system --gid 10001 code-interpreter \
 && useradd --system --uid 10001 --gid 10001 --no-create-home --home-dir /nonexistent \
      --shell /usr/sbin/nologin code-interpreter \
 && install -d -o 10001 -g 10001 /opt/code-interpreter/cache /var/cache/code-interpreter
COPY --from=build /out/code-interpreter /usr/local/bin/code-interpreter
COPY --from=build /out/sandbox /opt/code-interpreter/sandbox

# Where the binary finds its guest build, its cache (snapshot and compiled
# modules) and the sessions' scratch directories (see `serve --help`).
ENV CODE_INTERPRETER_SANDBOX=/opt/code-interpreter/sandbox \
    CODE_INTERPRETER_MODULE_CACHE=/opt/code-interpreter/cache \
    CODE_INTERPRETER_SCRATCH_DIR=/tmp/sessions \
    CODE_INTERPRETER_LISTEN=0.0.0.0:50051 \
    CODE_INTERPRETER_LOG_FORMAT=json
USER 10001:10001

# Build the snapshot and compile the guest now, for both engines (plain and
# fuel-metered), so a container starts in under a second instead of compiling
# for 10-25 s (2-core VM), and again in its first fuel-metered request. The
# cache is keyed by the guest's build id, the wasmtime version and the
# compiler settings, which include the CPU features of this machine: on a node
# whose CPU differs, the server compiles again at start (logged as "compiled
# guest module") and needs a writable cache directory for it. deploy/k8s
# copies this directory into an emptyDir for that reason.
RUN code-interpreter run --display-dir /tmp -c "1+1" \
 && code-interpreter run --display-dir /tmp --fuel 1000000 -c "1+1"

EXPOSE 50051
ENTRYPOINT ["code-interpreter"]
CMD ["serve"]
