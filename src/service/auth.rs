//! Bearer-token authentication: the tokens a server accepts, checked in
//! constant time. Tokens are kept only as SHA-256 digests and never logged;
//! a client is named by a short id derived from its token's digest.

use std::path::Path;
use std::sync::Arc;

use anyhow::{Context, Result, bail, ensure};
use sha2::{Digest, Sha256};
use subtle::{ConditionallySelectable, ConstantTimeEq};
use tonic::Status;

/// Shortest token accepted: guessing must stay out of reach.
const MIN_TOKEN_CHARS: usize = 16;

/// The refusal for a missing, malformed or unknown token: one message for
/// all, so a caller learns nothing about which it was.
const REFUSAL: &str =
    "missing or invalid bearer token: send the metadata `authorization: Bearer <token>`";

/// The bearer tokens a server accepts. Cheap to clone; `Debug` shows only
/// their number.
#[derive(Clone)]
pub struct AuthTokens {
    tokens: Arc<[Token]>,
}

struct Token {
    digest: [u8; 32],
    /// `token-` and the first 8 hex digits of the digest: names the client in
    /// logs and keys its limits without revealing the token.
    id: String,
}

impl std::fmt::Debug for AuthTokens {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "AuthTokens({} tokens)", self.tokens.len())
    }
}

impl AuthTokens {
    /// The given tokens (at least one; each at least 16 printable ASCII
    /// characters without spaces).
    pub fn new<S: AsRef<str>>(tokens: impl IntoIterator<Item = S>) -> Result<Self> {
        let mut accepted = Vec::new();
        for (index, token) in tokens.into_iter().enumerate() {
            let token = token.as_ref();
            ensure!(
                token.bytes().all(|byte| byte.is_ascii_graphic()),
                "token {} holds a character other than printable ASCII (no spaces)",
                index + 1
            );
            ensure!(
                token.len() >= MIN_TOKEN_CHARS,
                "token {} is shorter than {MIN_TOKEN_CHARS} characters; use e.g. `openssl rand -hex 32`",
                index + 1
            );
            let digest: [u8; 32] = Sha256::digest(token.as_bytes()).into();
            accepted.push(Token {
                id: format!("token-{}", hex::encode(&digest[..4])),
                digest,
            });
        }
        ensure!(!accepted.is_empty(), "no token given");
        Ok(Self {
            tokens: accepted.into(),
        })
    }

    /// The tokens in a file: one per line; blank lines and lines starting
    /// with `#` are skipped, spaces around a token ignored.
    pub fn from_file(path: &Path) -> Result<Self> {
        let text = std::fs::read_to_string(path)
            .with_context(|| format!("reading the token file {}", path.display()))?;
        let tokens: Vec<&str> = text
            .lines()
            .map(str::trim)
            .filter(|line| !line.is_empty() && !line.starts_with('#'))
            .collect();
        if tokens.is_empty() {
            bail!("the token file {} holds no token", path.display());
        }
        Self::new(tokens).with_context(|| format!("in the token file {}", path.display()))
    }

    /// How many tokens are accepted.
    pub fn len(&self) -> usize {
        self.tokens.len()
    }

    /// Whether there are no tokens (never true for a constructed value).
    pub fn is_empty(&self) -> bool {
        self.tokens.is_empty()
    }

    /// Checks the `authorization` header of a call; returns the index of the
    /// matching token. Every accepted token is compared, in constant time,
    /// with the digest of the presented one.
    pub fn verify(&self, authorization: Option<&http::HeaderValue>) -> Result<usize, Status> {
        let presented = authorization
            .and_then(|value| bearer(value.as_bytes()))
            .ok_or_else(|| Status::unauthenticated(REFUSAL))?;
        let digest: [u8; 32] = Sha256::digest(presented).into();
        let mut matched = subtle::Choice::from(0);
        let mut index = 0u32;
        for (i, token) in self.tokens.iter().enumerate() {
            let equal = token.digest.ct_eq(&digest);
            index.conditional_assign(&u32::try_from(i).unwrap_or(u32::MAX), equal);
            matched |= equal;
        }
        if bool::from(matched) {
            Ok(index as usize)
        } else {
            Err(Status::unauthenticated(REFUSAL))
        }
    }

    /// The client id of token `index` (see [`AuthTokens::verify`]).
    pub fn id(&self, index: usize) -> &str {
        &self.tokens[index].id
    }
}

/// The token of a `Bearer <token>` header value (the scheme is
/// case-insensitive, RFC 7235).
fn bearer(value: &[u8]) -> Option<&[u8]> {
    let (scheme, rest) = value.split_at_checked(7)?;
    if !scheme.eq_ignore_ascii_case(b"bearer ") {
        return None;
    }
    let token = rest.trim_ascii();
    (!token.is_empty()).then_some(token)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn header(text: &str) -> http::HeaderValue {
        http::HeaderValue::from_str(text).unwrap()
    }

    #[test]
    fn only_listed_tokens_pass() {
        let tokens =
            AuthTokens::new(["first-token-0123456789", "second-token-0123456789"]).unwrap();
        assert_eq!(
            tokens
                .verify(Some(&header("Bearer second-token-0123456789")))
                .unwrap(),
            1
        );
        assert_eq!(
            tokens
                .verify(Some(&header("bearer first-token-0123456789")))
                .unwrap(),
            0
        );
        for bad in [
            "Bearer first-token-012345678",
            "Bearer ",
            "Basic Zmlyc3QtdG9rZW4tMDEyMzQ1Njc4OQ==",
            "first-token-0123456789",
        ] {
            let status = tokens.verify(Some(&header(bad))).unwrap_err();
            assert_eq!(status.code(), tonic::Code::Unauthenticated, "{bad:?}");
            assert_eq!(status.message(), REFUSAL);
        }
        assert_eq!(tokens.verify(None).unwrap_err().message(), REFUSAL);
    }

    #[test]
    fn ids_and_debug_do_not_show_tokens() {
        let tokens = AuthTokens::new(["a-secret-token-0123456789"]).unwrap();
        assert!(tokens.id(0).starts_with("token-"));
        assert_eq!(tokens.id(0).len(), "token-".len() + 8);
        assert!(!format!("{tokens:?}").contains("secret"));
    }

    #[test]
    fn weak_or_malformed_tokens_are_refused() {
        assert!(AuthTokens::new(["short"]).is_err());
        assert!(AuthTokens::new(["has a space in it 0123456789"]).is_err());
        assert!(AuthTokens::new(Vec::<String>::new()).is_err());
    }
}
