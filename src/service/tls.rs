//! TLS on the gRPC port (rustls, through tonic): a PEM certificate chain and
//! key, and optionally a CA whose certificates clients must present
//! (mutual TLS).

use std::path::Path;
use std::time::Duration;

use anyhow::{Context, Result, ensure};
use tonic::transport::{Certificate, Identity, ServerTlsConfig};

/// Longest a client may take to complete the TLS handshake.
const HANDSHAKE_TIMEOUT: Duration = Duration::from_secs(10);

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
        let config = ServerTlsConfig::new()
            .identity(identity)
            .timeout(HANDSHAKE_TIMEOUT);
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unusable_pem_is_refused_when_the_server_is_configured() {
        let config = TlsConfig {
            cert_pem: b"-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydA==\n-----END CERTIFICATE-----\n"
                .to_vec(),
            key_pem: b"-----BEGIN PRIVATE KEY-----\nbm90IGEga2V5\n-----END PRIVATE KEY-----\n"
                .to_vec(),
            client_ca_pem: None,
        };
        let built = tonic::transport::Server::builder().tls_config(config.server_config());
        assert!(built.is_err());
        assert!(!format!("{config:?}").contains("PRIVATE"));
    }

    #[test]
    fn files_without_pem_blocks_are_named() {
        let dir = tempfile::tempdir().unwrap();
        let (cert, key) = (dir.path().join("cert.pem"), dir.path().join("key.pem"));
        std::fs::write(&cert, "-----BEGIN CERTIFICATE-----\n").unwrap();
        std::fs::write(&key, "nothing").unwrap();
        let error = TlsConfig::from_files(&cert, &key, None).unwrap_err();
        assert!(
            error.to_string().contains("key.pem holds no PEM"),
            "{error}"
        );
    }
}
