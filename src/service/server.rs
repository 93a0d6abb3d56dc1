//! Serving the API: the `CodeInterpreter` service, `grpc.health.v1` and
//! server reflection on one listener (TLS optional), every call through the
//! guard layer (span, authentication, per-client limits, metrics); the
//! metrics on their own HTTP listener; graceful shutdown.

use std::sync::Arc;
use std::time::Duration;

use anyhow::{Context, Result};
use tokio::net::TcpListener;
use tonic::transport::Server;
use tonic::transport::server::TcpIncoming;
use tonic_health::ServingStatus;

use super::api::{AbortOnDrop, Api};
use super::config::ServiceConfig;
use super::layer::{Guard, GuardLayer};
use super::metrics;
use super::proto::{self, code_interpreter_server::CodeInterpreterServer};
use super::ratelimit::ClientLimits;
use crate::Sandbox;

/// How often idle HTTP/2 connections are pinged, so dead clients are noticed
/// (and their running cells cancelled).
const KEEPALIVE_INTERVAL: Duration = Duration::from_secs(30);

/// Where a server listens.
pub struct Listeners {
    /// The gRPC API, health and reflection.
    pub grpc: TcpListener,
    /// `GET /metrics` (Prometheus text format); `None`: not served.
    pub metrics: Option<TcpListener>,
}

/// Serves the API on `listener` until `shutdown` resolves, then stops taking
/// calls (health turns NOT_SERVING), waits up to `grace` for running calls
/// to finish and, with a state directory, saves the sessions there.
pub async fn serve(
    sandbox: Sandbox,
    config: ServiceConfig,
    listener: TcpListener,
    shutdown: impl Future<Output = ()> + Send + 'static,
    grace: Duration,
) -> Result<()> {
    let listeners = Listeners {
        grpc: listener,
        metrics: None,
    };
    serve_with(sandbox, config, listeners, shutdown, grace).await
}

/// [`serve`], with the metrics endpoint on its own listener when given.
pub async fn serve_with(
    sandbox: Sandbox,
    config: ServiceConfig,
    listeners: Listeners,
    shutdown: impl Future<Output = ()> + Send + 'static,
    grace: Duration,
) -> Result<()> {
    let max_request_bytes = config.max_request_bytes;
    let tls = config.tls.clone();
    let api = Api::new(sandbox, config.clone()).context("creating the state directory")?;
    let metrics = api.metrics();
    let sessions = api.sessions();
    let guard = GuardLayer(Arc::new(Guard {
        metrics: Arc::clone(&metrics),
        auth: config.auth_tokens.clone(),
        limits: ClientLimits::new(config.client_rate, config.client_concurrency),
    }));
    let mut builder = Server::builder();
    if let Some(tls) = &tls {
        builder = builder
            .tls_config(tls.server_config())
            .context("TLS: the certificate, key or client CA is not usable")?;
    }
    let _metrics_endpoint = listeners.metrics.map(|listener| {
        AbortOnDrop(tokio::spawn(metrics::serve_http(
            listener,
            Arc::clone(&metrics),
            api.live(),
        )))
    });
    let api = CodeInterpreterServer::new(api)
        .max_decoding_message_size(max_request_bytes)
        .max_encoding_message_size(usize::MAX);
    let (health, health_service) = tonic_health::server::health_reporter();
    health.set_serving::<CodeInterpreterServer<Api>>().await;
    let reflection = || {
        tonic_reflection::server::Builder::configure()
            .register_encoded_file_descriptor_set(proto::FILE_DESCRIPTOR_SET)
            .register_encoded_file_descriptor_set(tonic_health::pb::FILE_DESCRIPTOR_SET)
    };
    // Both reflection versions: older grpcurl and grpcui speak v1alpha only.
    let reflection_v1 = reflection().build_v1()?;
    let reflection_v1alpha = reflection().build_v1alpha()?;

    let (stop_accepting, stopped) = tokio::sync::oneshot::channel::<()>();
    // Small writes (events) must go out at once: with Nagle's algorithm a
    // stream's second event waits ~40 ms for the client's delayed ACK.
    let incoming = TcpIncoming::from(listeners.grpc).with_nodelay(Some(true));
    let server = builder
        .http2_keepalive_interval(Some(KEEPALIVE_INTERVAL))
        .layer(guard)
        .add_service(health_service)
        .add_service(reflection_v1)
        .add_service(reflection_v1alpha)
        .add_service(api)
        .serve_with_incoming_shutdown(incoming, async {
            let _ = stopped.await;
        });
    tokio::pin!(server);
    tokio::select! {
        served = &mut server => return Ok(served?),
        () = shutdown => {}
    }
    tracing::info!("shutting down: finishing running calls");
    health
        .set_service_status("", ServingStatus::NotServing)
        .await;
    health.set_not_serving::<CodeInterpreterServer<Api>>().await;
    let _ = stop_accepting.send(());
    match tokio::time::timeout(grace, server).await {
        Ok(served) => served?,
        Err(_) => tracing::warn!(
            ?grace,
            "calls still running after the grace period; stopping"
        ),
    }
    sessions.save_all().await;
    Ok(())
}
