//! Why an operation on a scratch directory failed. The gRPC service maps each
//! kind to a status code, the tables to a Python exception.

/// A refused or failed operation on a scratch directory; the message names the path.
#[derive(Debug, thiserror::Error)]
pub enum ScratchError {
    /// The path is not acceptable: absolute, leaving the directory, a
    /// directory or a link where a file is wanted.
    #[error("{0}")]
    InvalidPath(String),
    /// Nothing at the path.
    #[error("{0}")]
    NotFound(String),
    /// The host's file system failed.
    #[error("{0}")]
    Io(String),
}
