//! Errors of the `table` host call, each tagged with the Python exception the
//! guest raises for it (the refusal text is `"<ExceptionName>|<message>"`).

use polars::error::PolarsError;

/// A refused table request.
#[derive(Debug, thiserror::Error)]
#[error("{kind}|{message}")]
pub struct TableError {
    /// The Python exception class name, e.g. `KeyError`.
    pub kind: &'static str,
    pub message: String,
}

impl TableError {
    pub fn new(kind: &'static str, message: impl Into<String>) -> Self {
        Self {
            kind,
            message: message.into(),
        }
    }

    pub fn value(message: impl Into<String>) -> Self {
        Self::new("ValueError", message)
    }

    pub fn key(name: &str) -> Self {
        Self::new("KeyError", format!("{name:?}"))
    }

    pub fn unsupported(what: impl Into<String>) -> Self {
        Self::new("NotImplementedError", what)
    }
}

impl From<PolarsError> for TableError {
    fn from(error: PolarsError) -> Self {
        let kind = match &error {
            PolarsError::ColumnNotFound(_) => "KeyError",
            PolarsError::SchemaMismatch(_) | PolarsError::InvalidOperation(_) => "TypeError",
            PolarsError::OutOfBounds(_) => "IndexError",
            PolarsError::IO { .. } => "OSError",
            _ => "ValueError",
        };
        // Polars appends a plan dump after a blank line; keep the message.
        let text = error.to_string();
        let message = text.split("\n\n").next().unwrap_or(&text).trim().to_owned();
        Self::new(kind, message)
    }
}

impl From<serde_json::Error> for TableError {
    fn from(error: serde_json::Error) -> Self {
        Self::value(format!("malformed table request: {error}"))
    }
}

pub type TableResult<T> = Result<T, TableError>;
