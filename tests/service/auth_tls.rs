//! Bearer-token authentication and TLS (and mutual TLS) over the real gRPC API.

use crate::common;

use std::net::SocketAddr;
use std::process::Command;

use code_interpreter::service::proto::code_interpreter_client::CodeInterpreterClient;
use code_interpreter::service::proto::{self};
use code_interpreter::service::{ServiceConfig, TlsConfig};
use common::server::{Client, channel, create_session, drain, kinds, outcome, request, run, start};
use tonic::Code;
use tonic::transport::{Certificate, Channel, ClientTlsConfig, Identity};
use tonic_health::pb::health_check_response::ServingStatus;
use tonic_health::pb::{HealthCheckRequest, health_client::HealthClient};

use crate::ops_support::*;

#[tokio::test]
async fn auth_refuses_missing_and_wrong_tokens_on_every_rpc_but_health() {
    let address = start(auth_config(), 0);
    let channel = channel(address).await;
    let mut client = Client::new(channel.clone());

    // Unary.
    let missing = client
        .list_sessions(proto::ListSessionsRequest {})
        .await
        .expect_err("no token");
    assert_eq!(missing.code(), Code::Unauthenticated);
    let wrong = client
        .list_sessions(with_token(
            proto::ListSessionsRequest {},
            "not-a-token-0123456789abc",
        ))
        .await
        .expect_err("a wrong token");
    assert_eq!(wrong.code(), Code::Unauthenticated);
    assert_eq!(wrong.message(), missing.message(), "one refusal for both");
    let malformed = client
        .list_sessions(with_token(proto::ListSessionsRequest {}, ""))
        .await
        .expect_err("an empty token");
    assert_eq!(malformed.code(), Code::Unauthenticated);
    client
        .list_sessions(with_token(proto::ListSessionsRequest {}, TOKEN_A))
        .await
        .expect("the right token");

    // Server streaming.
    let refused = client
        .execute(request("", "1 + 1"))
        .await
        .expect_err("no token");
    assert_eq!(refused.code(), Code::Unauthenticated);
    let refused = client
        .execute(with_token(
            request("", "1 + 1"),
            TOKEN_A.to_uppercase().as_str(),
        ))
        .await
        .expect_err("a wrong token");
    assert_eq!(refused.code(), Code::Unauthenticated);
    let stream = client
        .execute(with_token(request("", "1 + 1"), TOKEN_B))
        .await
        .expect("the right token")
        .into_inner();
    assert_eq!(outcome(&kinds(drain(stream).await)), proto::Outcome::Ok);

    // Client streaming: refused before a chunk is read.
    let chunks = futures_util::stream::iter([proto::UploadFileChunk {
        session_id: "whatever".into(),
        path: "f.txt".into(),
        data: b"data".to_vec(),
        ..Default::default()
    }]);
    let refused = client.upload_file(chunks).await.expect_err("no token");
    assert_eq!(refused.code(), Code::Unauthenticated);

    // Reflection needs a token too.
    use tonic_reflection::pb::v1::server_reflection_client::ServerReflectionClient;
    use tonic_reflection::pb::v1::{ServerReflectionRequest, server_reflection_request};
    let list = || {
        futures_util::stream::iter([ServerReflectionRequest {
            host: String::new(),
            message_request: Some(server_reflection_request::MessageRequest::ListServices(
                String::new(),
            )),
        }])
    };
    let mut reflection = ServerReflectionClient::new(channel.clone());
    let refused = reflection
        .server_reflection_info(list())
        .await
        .expect_err("no token");
    assert_eq!(refused.code(), Code::Unauthenticated);
    let answers = reflection
        .server_reflection_info(with_token(list(), TOKEN_A))
        .await
        .expect("the right token")
        .into_inner();
    assert_eq!(drain(answers).await.len(), 1);

    // Health stays open, for probes.
    let health = HealthClient::new(channel)
        .check(HealthCheckRequest::default())
        .await
        .expect("health without a token")
        .into_inner();
    assert_eq!(health.status(), ServingStatus::Serving);
}

// ---------------------------------------------------------------------------
// TLS

/// A test CA and certificates it signed.
struct TestPki {
    ca_pem: String,
    issuer: rcgen::Issuer<'static, rcgen::KeyPair>,
}

impl TestPki {
    fn new() -> Self {
        let mut params = rcgen::CertificateParams::new(Vec::<String>::new()).unwrap();
        params.is_ca = rcgen::IsCa::Ca(rcgen::BasicConstraints::Unconstrained);
        params
            .distinguished_name
            .push(rcgen::DnType::CommonName, "code-interpreter test CA");
        params.key_usages = vec![
            rcgen::KeyUsagePurpose::KeyCertSign,
            rcgen::KeyUsagePurpose::CrlSign,
        ];
        let key = rcgen::KeyPair::generate().unwrap();
        let ca_pem = params.self_signed(&key).unwrap().pem();
        Self {
            ca_pem,
            issuer: rcgen::Issuer::new(params, key),
        }
    }

    /// A certificate (PEM) and its key (PEM) for `name`, signed by the CA.
    fn issue(&self, name: &str) -> (String, String) {
        let params = rcgen::CertificateParams::new(vec![name.to_owned()]).unwrap();
        let key = rcgen::KeyPair::generate().unwrap();
        let cert = params.signed_by(&key, &self.issuer).unwrap();
        (cert.pem(), key.serialize_pem())
    }
}

fn tls_config(pki: &TestPki, client_ca: bool) -> ServiceConfig {
    let (cert, key) = pki.issue("localhost");
    ServiceConfig {
        tls: Some(TlsConfig {
            cert_pem: cert.into_bytes(),
            key_pem: key.into_bytes(),
            client_ca_pem: client_ca.then(|| pki.ca_pem.clone().into_bytes()),
        }),
        ..ServiceConfig::default()
    }
}

/// A client over TLS trusting `ca_pem`, presenting `identity` if given.
async fn tls_client(
    address: SocketAddr,
    ca_pem: &str,
    identity: Option<(String, String)>,
) -> Result<Client, tonic::transport::Error> {
    let mut tls = ClientTlsConfig::new()
        .ca_certificate(Certificate::from_pem(ca_pem))
        .domain_name("localhost");
    if let Some((cert, key)) = identity {
        tls = tls.identity(Identity::from_pem(cert, key));
    }
    let channel = Channel::from_shared(format!("https://{address}"))
        .unwrap()
        .tls_config(tls)?
        .connect()
        .await?;
    Ok(CodeInterpreterClient::new(channel))
}

/// Whether a call of `client` fails (for clients the server must refuse).
async fn refused(client: Result<Client, tonic::transport::Error>) -> bool {
    match client {
        Err(_) => true,
        Ok(mut client) => client
            .list_sessions(proto::ListSessionsRequest {})
            .await
            .is_err(),
    }
}

#[tokio::test]
async fn tls_serves_clients_that_trust_its_ca_and_refuses_plaintext() {
    let pki = TestPki::new();
    let address = start(tls_config(&pki, false), 0);
    let mut client = tls_client(address, &pki.ca_pem, None)
        .await
        .expect("a TLS connection");
    let session = create_session(&mut client).await;
    let events = run(&mut client, &session, "6 * 7").await;
    assert_eq!(outcome(&events), proto::Outcome::Ok);

    let plaintext = Channel::from_shared(format!("http://{address}"))
        .unwrap()
        .connect()
        .await
        .map(CodeInterpreterClient::new);
    assert!(refused(plaintext).await, "a plaintext client got an answer");
    let other_ca = TestPki::new();
    assert!(
        refused(tls_client(address, &other_ca.ca_pem, None).await).await,
        "a client trusting another CA got an answer"
    );
}

#[tokio::test]
async fn mutual_tls_requires_a_client_certificate_from_the_client_ca() {
    let pki = TestPki::new();
    let address = start(tls_config(&pki, true), 0);
    let mut client = tls_client(address, &pki.ca_pem, Some(pki.issue("client")))
        .await
        .expect("a mutual TLS connection");
    client
        .list_sessions(proto::ListSessionsRequest {})
        .await
        .expect("a client with a certificate");
    assert!(
        refused(tls_client(address, &pki.ca_pem, None).await).await,
        "a client without a certificate got an answer"
    );
    let stranger = TestPki::new();
    assert!(
        refused(tls_client(address, &pki.ca_pem, Some(stranger.issue("client"))).await).await,
        "a client with a certificate of another CA got an answer"
    );
}

#[test]
fn tls_files_go_in_pairs_and_bad_files_are_named() {
    let binary = env!("CARGO_BIN_EXE_code-interpreter");
    let dir = tempfile::tempdir().unwrap();
    let cert = dir.path().join("cert.pem");
    std::fs::write(&cert, "not a certificate").unwrap();
    let output = Command::new(binary)
        .args(["serve", "--tls-cert"])
        .arg(&cert)
        .output()
        .expect("running the binary");
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("--tls-key"), "{stderr}");

    let output = Command::new(binary)
        .args([
            "serve",
            "--warm-instances",
            "0",
            "--listen",
            "127.0.0.1:0",
            "--tls-cert",
        ])
        .arg(&cert)
        .arg("--tls-key")
        .arg(&cert)
        .output()
        .expect("running the binary");
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("cert.pem holds no PEM"), "{stderr}");
}

#[test]
fn a_token_file_without_tokens_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let tokens = dir.path().join("tokens");
    std::fs::write(&tokens, "# no token yet\n\n").unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_code-interpreter"))
        .args(["serve", "--warm-instances", "0", "--listen", "127.0.0.1:0"])
        .env("CODE_INTERPRETER_AUTH_TOKENS_FILE", &tokens)
        .output()
        .expect("running the binary");
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("holds no token"), "{stderr}");
}
