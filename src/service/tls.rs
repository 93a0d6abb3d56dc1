//! TLS on the gRPC port (rustls, through tonic): a PEM certificate chain and
//! key, and optionally a CA whose certificates clients must present
//! (mutual TLS).

use std::path::Path;

use anyhow::{Context, Result, ensure};
use tonic::transport::{Certificate, Identity, ServerTlsConfig};

/// The server's certificate and key, and the client CA for mutual TLS.
/// `Debug` leaves the key out.
#[derive(Clone)]
pub struct TlsConfig {
    /// The certificate chain, PEM, the server's own certificate first.
    pub cert_pem: Vec<u8>,
    /// The private key, PEM (PKCS#8, PKCS#1 or SEC1).
    pub key_pem: Vec<u8>,
    /// When set, clients must present a certificate signed by this CA (PEM).
    pub client_ca_pem: Option<Vec<u8>>,
}

impl std::fmt::Debug for TlsConfig {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TlsConfig")
            .field("cert_pem", &format_args!("{} bytes", self.cert_pem.len()))
            .field("key_pem", &format_args!("(hidden)"))
            .field("client_ca", &self.client_ca_pem.is_some())
            .finish()
    }
}

impl TlsConfig {
    /// Reads the PEM files; checks that each holds what it should.
    pub fn from_files(cert: &Path, key: &Path, client_ca: Option<&Path>) -> Result<Self> {
        let read = |path: &Path, what: &str, marker: &str| -> Result<Vec<u8>> {
            let pem = std::fs::read(path)
                .with_context(|| format!("reading the TLS {what} {}", path.display()))?;
            ensure!(
                contains(&pem, marker.as_bytes()),
                "the TLS {what} {} holds no PEM `{marker}` block",
                path.display()
            );
            Ok(pem)
        };
        Ok(Self {
            cert_pem: read(cert, "certificate", "-----BEGIN CERTIFICATE-----")?,
            key_pem: read(key, "key", "PRIVATE KEY-----")?,
            client_ca_pem: client_ca
                .map(|path| read(path, "client CA", "-----BEGIN CERTIFICATE-----"))
                .transpose()?,
        })
    }

    /// tonic's server TLS settings.
    pub(super) fn server_config(&self) -> ServerTlsConfig {
        let identity = Identity::from_pem(&self.cert_pem, &self.key_pem);
        let config = ServerTlsConfig::new().identity(identity);
        match &self.client_ca_pem {
            Some(ca) => config.client_ca_root(Certificate::from_pem(ca)),
            None => config,
        }
    }
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack
        .windows(needle.len())
        .any(|window| window == needle)
}
