//! What the operations tests share: tokens, scraping the metrics endpoint, waiting for a
//! server to serve.

use std::collections::BTreeMap;
use std::net::SocketAddr;
use std::time::Duration;

use code_interpreter::service::{AuthTokens, ServiceConfig};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tonic::Request;
use tonic_health::pb::health_check_response::ServingStatus;
use tonic_health::pb::{HealthCheckRequest, health_client::HealthClient};

pub(crate) const TOKEN_A: &str = "test-token-a-0123456789abcdef";
pub(crate) const TOKEN_B: &str = "test-token-b-0123456789abcdef";

/// The samples of one scrape, by series (`name{label="value",...}` with the
/// labels sorted).
pub(crate) struct Scrape(pub(crate) BTreeMap<String, f64>);

impl Scrape {
    pub(crate) fn parse(text: &str) -> Self {
        let mut samples = BTreeMap::new();
        for line in text
            .lines()
            .filter(|line| !line.starts_with('#') && !line.is_empty())
        {
            let (series, value) = line.rsplit_once(' ').expect("a sample line");
            let value: f64 = value.parse().expect("a sample value");
            let key = match series.split_once('{') {
                Some((name, labels)) => {
                    let labels = labels.strip_suffix('}').expect("closing brace");
                    let pairs: Vec<(&str, &str)> = labels
                        .split(',')
                        .map(|pair| {
                            let (key, value) = pair.split_once('=').expect("label=value");
                            (key, value.trim_matches('"'))
                        })
                        .collect();
                    series_key(name, &pairs)
                }
                None => series.to_owned(),
            };
            samples.insert(key, value);
        }
        Self(samples)
    }

    /// The value of a series, which must be there.
    pub(crate) fn get(&self, name: &str, labels: &[(&str, &str)]) -> f64 {
        let key = series_key(name, labels);
        *self
            .0
            .get(&key)
            .unwrap_or_else(|| panic!("no series {key} in {:#?}", self.0))
    }

    /// The series of one metric.
    pub(crate) fn find(&self, name: &str) -> Vec<&String> {
        self.0
            .keys()
            .filter(|key| key.split('{').next() == Some(name))
            .collect()
    }
}

pub(crate) fn series_key(name: &str, labels: &[(&str, &str)]) -> String {
    if labels.is_empty() {
        return name.to_owned();
    }
    let mut labels = labels.to_vec();
    labels.sort();
    let labels: Vec<String> = labels
        .iter()
        .map(|(key, value)| format!("{key}=\"{value}\""))
        .collect();
    format!("{name}{{{}}}", labels.join(","))
}

pub(crate) async fn scrape(address: SocketAddr) -> Scrape {
    let (status, _, body) = http_get(address, "/metrics", "").await;
    assert_eq!(status, 200, "{body}");
    Scrape::parse(&body)
}

/// A plain HTTP/1.1 GET: the status, the content type and the body.
pub(crate) async fn http_get(
    address: SocketAddr,
    path: &str,
    headers: &str,
) -> (u16, String, String) {
    let mut stream = tokio::net::TcpStream::connect(address)
        .await
        .expect("connecting to the metrics endpoint");
    let request =
        format!("GET {path} HTTP/1.1\r\nHost: test\r\nConnection: close\r\n{headers}\r\n");
    stream.write_all(request.as_bytes()).await.unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).await.unwrap();
    let (head, body) = response.split_once("\r\n\r\n").expect("headers and body");
    let status = head.split(' ').nth(1).unwrap().parse().unwrap();
    let content_type = head
        .lines()
        .find_map(|line| {
            let (name, value) = line.split_once(':')?;
            name.eq_ignore_ascii_case("content-type")
                .then(|| value.trim().to_owned())
        })
        .unwrap_or_default();
    (status, content_type, body.to_owned())
}

/// `message` with `authorization: Bearer <token>`.
pub(crate) fn with_token<T>(message: T, token: &str) -> Request<T> {
    let mut request = Request::new(message);
    request.metadata_mut().insert(
        "authorization",
        format!("Bearer {token}").parse().expect("a header value"),
    );
    request
}

pub(crate) fn auth_config() -> ServiceConfig {
    ServiceConfig {
        auth_tokens: Some(AuthTokens::new([TOKEN_A, TOKEN_B]).unwrap()),
        ..ServiceConfig::default()
    }
}

/// Polls the health service until it reports SERVING. The first start after a
/// new guest build pre-initializes and compiles it, several test servers at
/// once on two cores, so the wait is bounded at 10 minutes.
pub(crate) async fn wait_until_serving(address: SocketAddr) {
    let deadline = std::time::Instant::now() + Duration::from_secs(600);
    while std::time::Instant::now() < deadline {
        if let Ok(connection) = tonic::transport::Endpoint::from_shared(format!("http://{address}"))
            .unwrap()
            .connect()
            .await
        {
            let status = HealthClient::new(connection)
                .check(HealthCheckRequest::default())
                .await
                .map(|response| response.into_inner().status());
            if status.is_ok_and(|status| status == ServingStatus::Serving) {
                return;
            }
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    panic!("the server did not start serving");
}
