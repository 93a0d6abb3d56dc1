//! The tower layer every RPC passes through before its service: a tracing
//! span, authentication, the per-client limits, and the RPC metrics.
//!
//! It sees HTTP/2 requests: the method is the path, the bearer token a
//! header, the peer address an extension tonic adds per connection. The
//! response body is wrapped so that a streaming call is measured (and its
//! concurrency slot held) until its last message and status have gone out,
//! or until the caller goes away.

use std::net::SocketAddr;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};
use std::time::Instant;

use http_body::Frame;
use hyper::body::Bytes;
use tonic::body::Body;
use tonic::transport::server::{TcpConnectInfo, TlsConnectInfo};
use tonic::{Code, Status};
use tracing::Instrument;
use tracing::field::Empty;

use super::auth::AuthTokens;
use super::metrics::{Method, Metrics, code_name};
use super::ratelimit::{ClientKey, ClientLimits, InFlight};

/// What the layer needs: shared by every connection.
pub struct Guard {
    pub metrics: Arc<Metrics>,
    pub auth: Option<AuthTokens>,
    pub limits: Option<Arc<ClientLimits>>,
}

/// The layer, for [`tonic::transport::Server::layer`].
#[derive(Clone)]
pub struct GuardLayer(pub Arc<Guard>);

impl<S> tower_layer::Layer<S> for GuardLayer {
    type Service = Guarded<S>;

    fn layer(&self, inner: S) -> Guarded<S> {
        Guarded {
            inner,
            guard: Arc::clone(&self.0),
        }
    }
}

/// A service behind the layer.
#[derive(Clone)]
pub struct Guarded<S> {
    inner: S,
    guard: Arc<Guard>,
}

type BoxFuture<T, E> = Pin<Box<dyn Future<Output = Result<T, E>> + Send>>;

impl<S> tower_service::Service<http::Request<Body>> for Guarded<S>
where
    S: tower_service::Service<http::Request<Body>, Response = http::Response<Body>>
        + Clone
        + Send
        + 'static,
    S::Future: Send + 'static,
    S::Error: Send + 'static,
{
    type Response = http::Response<GuardedBody>;
    type Error = S::Error;
    type Future = BoxFuture<Self::Response, S::Error>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), S::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, request: http::Request<Body>) -> Self::Future {
        let started = Instant::now();
        let method = Method::from_path(request.uri().path());
        let peer = peer_address(request.extensions());
        let span = tracing::info_span!(
            "rpc",
            method = method.name(),
            peer = Empty,
            client = Empty,
            session = Empty,
            code_bytes = Empty,
            outcome = Empty,
            cell_ms = Empty,
        );
        if let Some(peer) = peer {
            span.record("peer", tracing::field::display(peer));
        }
        let guard = Arc::clone(&self.guard);
        guard.metrics.rpc_started(method);
        let call = Call {
            guard: Arc::clone(&guard),
            method,
            started,
            span,
            finished: false,
        };
        let in_flight = match guard.admit(&request, method, peer, &call.span) {
            Ok(in_flight) => in_flight,
            Err(status) => {
                let response = status.into_http::<Body>();
                return Box::pin(std::future::ready(Ok(GuardedBody::wrap(
                    response, call, None,
                ))));
            }
        };
        // The service the router is cloned into stays ready (tonic's routes
        // always are); take the one that was polled ready.
        let clone = self.inner.clone();
        let mut inner = std::mem::replace(&mut self.inner, clone);
        let response = {
            let _entered = call.span.enter();
            inner.call(request)
        };
        let span = call.span.clone();
        Box::pin(
            async move {
                let response = response.await?;
                Ok(GuardedBody::wrap(response, call, in_flight))
            }
            .instrument(span),
        )
    }
}

impl Guard {
    /// Authenticates the call and applies the client's limits; the returned
    /// guard holds the client's concurrency slot.
    fn admit(
        &self,
        request: &http::Request<Body>,
        method: Method,
        peer: Option<SocketAddr>,
        span: &tracing::Span,
    ) -> Result<Option<InFlight>, Status> {
        // Health stays open and unlimited, for probes.
        if method == Method::Health {
            return Ok(None);
        }
        let client = match &self.auth {
            Some(auth) => {
                let token = auth
                    .verify(request.headers().get(http::header::AUTHORIZATION))
                    .inspect_err(|_| self.metrics.auth_failure())?;
                span.record("client", auth.id(token));
                ClientKey::Token(token)
            }
            None => ClientKey::of_peer(peer.map(|peer| peer.ip())),
        };
        let Some(limits) = &self.limits else {
            return Ok(None);
        };
        let name = match (&client, &self.auth) {
            (ClientKey::Token(token), Some(auth)) => auth.id(*token).to_owned(),
            _ => format!("client {client}"),
        };
        let limited = |(limit, status)| {
            self.metrics.limited(limit);
            status
        };
        limits.check_rate(&client, &name).map_err(limited)?;
        if method.runs_cells() {
            limits.acquire(&client, &name).map_err(limited)
        } else {
            Ok(None)
        }
    }
}

/// The peer address tonic recorded for the connection.
fn peer_address(extensions: &http::Extensions) -> Option<SocketAddr> {
    extensions
        .get::<TcpConnectInfo>()
        .and_then(TcpConnectInfo::remote_addr)
        .or_else(|| {
            extensions
                .get::<TlsConnectInfo<TcpConnectInfo>>()
                .and_then(|info| info.get_ref().remote_addr())
        })
}

/// One RPC being measured; records its end once.
struct Call {
    guard: Arc<Guard>,
    method: Method,
    started: Instant,
    span: tracing::Span,
    finished: bool,
}

impl Call {
    fn finish(&mut self, code: Code) {
        if std::mem::replace(&mut self.finished, true) {
            return;
        }
        let elapsed = self.started.elapsed();
        self.guard.metrics.rpc_finished(self.method, code, elapsed);
        let ms = elapsed.as_secs_f64() * 1e3;
        let code = code_name(code);
        self.span.in_scope(|| {
            if code == "OK" {
                tracing::debug!(code, ms, "rpc finished");
            } else {
                tracing::info!(code, ms, "rpc finished");
            }
        });
    }
}

/// A response body that records the call's status when it goes out and
/// polls the inner body inside the call's span.
pub struct GuardedBody {
    inner: Body,
    call: Call,
    /// The client's concurrency slot, given back with the status (before
    /// the caller can see the call end).
    in_flight: Option<InFlight>,
}

impl GuardedBody {
    fn wrap(
        response: http::Response<Body>,
        call: Call,
        in_flight: Option<InFlight>,
    ) -> http::Response<Self> {
        // A status in the headers is a trailers-only response: the call ends here.
        let ended = grpc_status(response.headers());
        let mut response = response.map(|inner| Self {
            inner,
            call,
            in_flight,
        });
        if let Some(code) = ended {
            response.body_mut().finish(code);
        }
        response
    }

    fn finish(&mut self, code: Code) {
        self.call.finish(code);
        self.in_flight = None;
    }
}

fn grpc_status(headers: &http::HeaderMap) -> Option<Code> {
    headers
        .get("grpc-status")
        .map(|value| Code::from_bytes(value.as_bytes()))
}

impl http_body::Body for GuardedBody {
    type Data = Bytes;
    type Error = Status;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, Status>>> {
        let this = &mut *self;
        let polled = {
            let _entered = this.call.span.enter();
            Pin::new(&mut this.inner).poll_frame(cx)
        };
        match &polled {
            Poll::Ready(Some(Ok(frame))) => {
                if let Some(code) = frame.trailers_ref().and_then(grpc_status) {
                    this.finish(code);
                }
            }
            Poll::Ready(Some(Err(status))) => this.finish(status.code()),
            Poll::Ready(None) => this.finish(Code::Unknown),
            Poll::Pending => {}
        }
        polled
    }

    fn is_end_stream(&self) -> bool {
        self.inner.is_end_stream()
    }

    fn size_hint(&self) -> http_body::SizeHint {
        self.inner.size_hint()
    }
}

impl Drop for Call {
    fn drop(&mut self) {
        // Dropped before its status went out: the caller went away (before
        // the handler answered or while the response streamed), or the
        // connection broke.
        self.finish(Code::Cancelled);
    }
}
