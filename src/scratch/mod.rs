//! A session's scratch directory (the guest's `/mnt/data`) as the host sees
//! it: the path rule, link-safe file operations and the quota. Used alike by
//! the sandbox (the guest's own writes), the tables (files pandas reads and
//! writes on the host) and the gRPC file RPCs, each mapping [`ScratchError`]
//! to its own errors.

mod dir;
mod error;
mod mirror;
mod path;
mod quota;
mod root;

pub use dir::{FileEntry, Listing, Scratch};
pub use error::ScratchError;
pub use mirror::FileMirror;
pub use path::relative_path;
pub use quota::ScratchQuota;
pub use root::ScratchRoot;
