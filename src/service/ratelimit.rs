//! Per-client limits: a call rate with a burst (GCRA, from `governor`) and a
//! cap on the cell-running calls a client has in flight.
//!
//! A client is its bearer token when authentication is on, else its IP
//! address (an IPv6 address by its /64 network, which one host usually
//! holds whole). Both tables stay bounded: the rate table is swept of
//! clients whose allowance has refilled (and reset if it still holds more
//! than [`MAX_TRACKED_CLIENTS`]), and a client leaves the concurrency table
//! when its last call ends.

use std::collections::HashMap;
use std::fmt;
use std::net::IpAddr;
use std::num::NonZeroU32;
use std::sync::{Arc, Mutex, RwLock, Weak};
use std::time::Duration;

use anyhow::{Result, ensure};
use governor::clock::{Clock, DefaultClock};
use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};
use tonic::Status;
use tonic::metadata::{MetadataMap, MetadataValue};

use super::metrics::Limit;

/// Clients tracked by the rate limiter before its table is reset.
const MAX_TRACKED_CLIENTS: usize = 100_000;

/// How often clients whose allowance has refilled are forgotten.
const SWEEP_INTERVAL: Duration = Duration::from_secs(10);

/// The retry hint given with a concurrency refusal.
const CONCURRENCY_RETRY: Duration = Duration::from_secs(1);

/// A per-client call rate: `per_second` calls per second on average, up to
/// `burst` at once.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ClientRate {
    pub per_second: f64,
    pub burst: u32,
}

impl ClientRate {
    /// A rate with its burst; refuses non-positive or absurd values.
    pub fn new(per_second: f64, burst: u32) -> Result<Self> {
        ensure!(
            per_second.is_finite() && per_second > 0.0 && per_second <= 1e9,
            "the client rate must be a positive number of calls per second (at most 1e9)"
        );
        ensure!(burst > 0, "the client burst must be at least 1");
        Ok(Self { per_second, burst })
    }

    fn quota(self) -> Quota {
        let burst = NonZeroU32::new(self.burst).unwrap_or(NonZeroU32::MIN);
        Quota::with_period(Duration::from_secs_f64(1.0 / self.per_second))
            .expect("a positive period")
            .allow_burst(burst)
    }
}

/// Who a call comes from, for the limits.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum ClientKey {
    /// The index of the client's bearer token.
    Token(usize),
    /// An IPv4 address, or an IPv6 address with only its /64 network kept.
    Ip(IpAddr),
    /// A peer without an address.
    Unknown,
}

impl ClientKey {
    /// The key of a peer by address.
    pub fn of_peer(peer: Option<IpAddr>) -> Self {
        match peer.map(|ip| ip.to_canonical()) {
            Some(IpAddr::V6(v6)) => {
                let network = u128::from(v6) & !((1u128 << 64) - 1);
                Self::Ip(IpAddr::V6(network.into()))
            }
            Some(ip) => Self::Ip(ip),
            None => Self::Unknown,
        }
    }
}

impl fmt::Display for ClientKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Token(index) => write!(f, "token #{}", index + 1),
            Self::Ip(IpAddr::V6(network)) => write!(f, "{network}/64"),
            Self::Ip(ip) => write!(f, "{ip}"),
            Self::Unknown => f.write_str("an unknown peer"),
        }
    }
}

/// The per-client limits of a server.
pub struct ClientLimits {
    rate: Option<(ClientRate, RwLock<DefaultKeyedRateLimiter<ClientKey>>)>,
    clock: DefaultClock,
    concurrency: Option<usize>,
    in_flight: Mutex<HashMap<ClientKey, usize>>,
}

impl ClientLimits {
    /// Limits with the given rate and concurrency (`None`: that limit is
    /// off); `None` when both are off. Starts the sweeper of the rate table,
    /// which stops when the limits are dropped.
    pub fn new(rate: Option<ClientRate>, concurrency: Option<usize>) -> Option<Arc<Self>> {
        if rate.is_none() && concurrency.is_none() {
            return None;
        }
        let limits = Arc::new(Self {
            rate: rate.map(|rate| (rate, RwLock::new(RateLimiter::keyed(rate.quota())))),
            clock: DefaultClock::default(),
            concurrency,
            in_flight: Mutex::default(),
        });
        if limits.rate.is_some() {
            tokio::spawn(sweep(Arc::downgrade(&limits)));
        }
        Some(limits)
    }

    /// Counts a call of `client` against its rate; RESOURCE_EXHAUSTED with a
    /// retry hint when it is over.
    pub fn check_rate(&self, client: &ClientKey, name: &str) -> Result<(), (Limit, Status)> {
        let Some((rate, limiter)) = &self.rate else {
            return Ok(());
        };
        let limiter = limiter.read().expect("rate limiter lock");
        let Err(not_until) = limiter.check_key(client) else {
            return Ok(());
        };
        let wait = not_until.wait_time_from(self.clock.now());
        let message = format!(
            "client rate limit: {name} may make {} calls per second with bursts of {}; \
             retry in {:.1} s",
            rate.per_second,
            rate.burst,
            wait.as_secs_f64()
        );
        Err((Limit::Rate, exhausted(message, wait)))
    }

    /// Takes one of `client`'s slots for a cell-running call, held until the
    /// returned guard is dropped; RESOURCE_EXHAUSTED when all are taken.
    pub fn acquire(
        self: &Arc<Self>,
        client: &ClientKey,
        name: &str,
    ) -> Result<Option<InFlight>, (Limit, Status)> {
        let Some(max) = self.concurrency else {
            return Ok(None);
        };
        let mut in_flight = self.in_flight.lock().expect("in-flight lock");
        let count = in_flight.entry(client.clone()).or_insert(0);
        if *count >= max {
            let message = format!(
                "client concurrency limit: {name} already has {max} Execute, ExecuteCollected \
                 or ExecuteBatch calls running, the most allowed; retry when one ends"
            );
            return Err((Limit::Concurrency, exhausted(message, CONCURRENCY_RETRY)));
        }
        *count += 1;
        Ok(Some(InFlight {
            limits: Arc::clone(self),
            client: client.clone(),
        }))
    }

    /// Forgets the clients whose allowance has refilled; resets the table if
    /// it still tracks too many.
    fn sweep(&self) {
        let Some((rate, limiter)) = &self.rate else {
            return;
        };
        let tracked = {
            let limiter = limiter.read().expect("rate limiter lock");
            limiter.retain_recent();
            limiter.shrink_to_fit();
            limiter.len()
        };
        if tracked > MAX_TRACKED_CLIENTS {
            tracing::warn!(
                tracked,
                "the client rate table holds too many clients; resetting it"
            );
            *limiter.write().expect("rate limiter lock") = RateLimiter::keyed(rate.quota());
        }
    }

    /// Clients with a cell-running call in flight (for tests).
    #[cfg(test)]
    fn clients_in_flight(&self) -> usize {
        self.in_flight.lock().expect("in-flight lock").len()
    }
}

/// A cell-running call of a client in flight.
pub struct InFlight {
    limits: Arc<ClientLimits>,
    client: ClientKey,
}

impl Drop for InFlight {
    fn drop(&mut self) {
        let mut in_flight = self.limits.in_flight.lock().expect("in-flight lock");
        if let Some(count) = in_flight.get_mut(&self.client) {
            *count -= 1;
            if *count == 0 {
                in_flight.remove(&self.client);
            }
        }
    }
}

/// RESOURCE_EXHAUSTED with `retry-after` (whole seconds, rounded up) and
/// `grpc-retry-pushback-ms` (what gRPC retry policies honour) metadata.
fn exhausted(message: String, wait: Duration) -> Status {
    let mut metadata = MetadataMap::new();
    let seconds = wait.as_secs() + u64::from(wait.subsec_nanos() > 0);
    metadata.insert("retry-after", MetadataValue::from(seconds.max(1)));
    let millis = u64::try_from(wait.as_millis()).unwrap_or(u64::MAX);
    metadata.insert("grpc-retry-pushback-ms", MetadataValue::from(millis));
    Status::with_metadata(tonic::Code::ResourceExhausted, message, metadata)
}

async fn sweep(limits: Weak<ClientLimits>) {
    let mut interval = tokio::time::interval(SWEEP_INTERVAL);
    interval.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    interval.tick().await;
    loop {
        interval.tick().await;
        let Some(limits) = limits.upgrade() else {
            return;
        };
        limits.sweep();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_burst_passes_then_calls_wait_with_a_hint() {
        let rate = ClientRate::new(1.0 / 3600.0, 2).unwrap();
        let limits = ClientLimits::new(Some(rate), None).unwrap();
        let (a, b) = (ClientKey::Token(0), ClientKey::Token(1));
        assert!(limits.check_rate(&a, "a").is_ok());
        assert!(limits.check_rate(&a, "a").is_ok());
        let (limit, status) = limits.check_rate(&a, "a").unwrap_err();
        assert!(matches!(limit, Limit::Rate));
        assert_eq!(status.code(), tonic::Code::ResourceExhausted);
        assert!(status.message().contains("rate limit"), "{status:?}");
        let retry: u64 = status
            .metadata()
            .get("retry-after")
            .unwrap()
            .to_str()
            .unwrap()
            .parse()
            .unwrap();
        assert!((3500..=3600).contains(&retry), "{retry}");
        assert!(
            limits.check_rate(&b, "b").is_ok(),
            "clients are counted apart"
        );
    }

    #[tokio::test]
    async fn concurrency_slots_return_and_idle_clients_leave_the_table() {
        let limits = ClientLimits::new(None, Some(1)).unwrap();
        let client = ClientKey::of_peer(Some("10.0.0.1".parse().unwrap()));
        let held = limits.acquire(&client, "c").unwrap();
        let (limit, status) = limits.acquire(&client, "c").err().unwrap();
        assert!(matches!(limit, Limit::Concurrency));
        assert!(status.message().contains("concurrency limit"), "{status:?}");
        assert_eq!(limits.clients_in_flight(), 1);
        drop(held);
        assert_eq!(limits.clients_in_flight(), 0);
        assert!(limits.acquire(&client, "c").is_ok());
    }

    #[test]
    fn ipv6_clients_are_keyed_by_their_network() {
        let key = |text: &str| ClientKey::of_peer(Some(text.parse().unwrap()));
        assert_eq!(key("2001:db8::1"), key("2001:db8::ffff:2"));
        assert_ne!(key("2001:db8::1"), key("2001:db8:0:1::1"));
        assert_eq!(key("::ffff:10.1.2.3"), key("10.1.2.3"));
        assert_eq!(key("2001:db8::1").to_string(), "2001:db8::/64");
    }
}
