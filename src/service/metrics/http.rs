//! The HTTP endpoint (`GET /metrics`) that serves the registry.

use std::convert::Infallible;

use tokio::net::TcpListener;

use super::registry::{Live, Metrics};

/// The content type of the Prometheus text format (0.0.4).
const PROMETHEUS_TEXT: &str = "text/plain; version=0.0.4; charset=utf-8";
/// The content type of the OpenMetrics text format, served when asked for.
const OPENMETRICS_TEXT: &str = "application/openmetrics-text; version=1.0.0; charset=utf-8";

/// Serves `GET /metrics` on `listener` (HTTP/1.1) until the task is dropped;
/// `live` reads the live state at each scrape.
pub async fn serve_http(
    listener: TcpListener,
    metrics: std::sync::Arc<Metrics>,
    live: impl Fn() -> Live + Send + Sync + 'static,
) {
    use http_body_util::Full;
    use hyper::body::Bytes;

    let live = std::sync::Arc::new(live);
    loop {
        let (stream, _) = match listener.accept().await {
            Ok(accepted) => accepted,
            Err(error) => {
                tracing::warn!(%error, "metrics endpoint: accepting a connection failed");
                tokio::time::sleep(std::time::Duration::from_millis(100)).await;
                continue;
            }
        };
        let (metrics, live) = (
            std::sync::Arc::clone(&metrics),
            std::sync::Arc::clone(&live),
        );
        let service = hyper::service::service_fn(move |request: hyper::Request<_>| {
            let response = respond(&request, &metrics, &*live);
            async move { Ok::<_, Infallible>(response.map(|body: Bytes| Full::new(body))) }
        });
        tokio::spawn(async move {
            let io = hyper_util::rt::TokioIo::new(stream);
            let connection = hyper::server::conn::http1::Builder::new()
                .timer(hyper_util::rt::TokioTimer::new())
                .header_read_timeout(std::time::Duration::from_secs(10))
                .serve_connection(io, service);
            if let Err(error) = connection.await {
                tracing::debug!(%error, "metrics endpoint: connection failed");
            }
        });
    }
}

fn respond<B>(
    request: &hyper::Request<B>,
    metrics: &Metrics,
    live: &(dyn Fn() -> Live + Send + Sync),
) -> hyper::Response<hyper::body::Bytes> {
    use hyper::{Method as HttpMethod, StatusCode, header};

    let plain = |status: StatusCode, text: &'static str| {
        hyper::Response::builder()
            .status(status)
            .header(header::CONTENT_TYPE, "text/plain; charset=utf-8")
            .body(hyper::body::Bytes::from_static(text.as_bytes()))
            .expect("a valid response")
    };
    if request.uri().path() != "/metrics" {
        return plain(
            StatusCode::NOT_FOUND,
            "not found: the metrics are at /metrics\n",
        );
    }
    if request.method() != HttpMethod::GET && request.method() != HttpMethod::HEAD {
        return plain(StatusCode::METHOD_NOT_ALLOWED, "use GET\n");
    }
    let openmetrics = request
        .headers()
        .get(header::ACCEPT)
        .and_then(|accept| accept.to_str().ok())
        .is_some_and(|accept| accept.contains("application/openmetrics-text"));
    let text = metrics.render(live(), openmetrics);
    hyper::Response::builder()
        .header(
            header::CONTENT_TYPE,
            if openmetrics {
                OPENMETRICS_TEXT
            } else {
                PROMETHEUS_TEXT
            },
        )
        .body(hyper::body::Bytes::from(text))
        .expect("a valid response")
}
