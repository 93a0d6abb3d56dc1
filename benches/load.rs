//! Load benchmark of the gRPC service (in progress).

fn main() {}
