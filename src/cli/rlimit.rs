//! The process's limit on open descriptors, raised to what the sessions may
//! hold.

/// Descriptors the server needs besides its instances' files: connections,
/// scratch directories, the compiled modules, logs.
const SERVER_DESCRIPTORS: u64 = 4096;

/// Raises the soft limit on open descriptors to the hard limit (many systems
/// start services at a soft 1024), and warns when even that cannot cover
/// `instances` each holding `files_per_instance` files: one session could
/// then leave the others without descriptors.
pub fn raise_open_file_limit(instances: u64, files_per_instance: u64) {
    let mut limit = libc::rlimit {
        rlim_cur: 0,
        rlim_max: 0,
    };
    // SAFETY: getrlimit writes into the struct it is given.
    if unsafe { libc::getrlimit(libc::RLIMIT_NOFILE, &mut limit) } != 0 {
        return;
    }
    if limit.rlim_cur < limit.rlim_max {
        let raised = libc::rlimit {
            rlim_cur: limit.rlim_max,
            rlim_max: limit.rlim_max,
        };
        // SAFETY: setrlimit reads the struct it is given.
        if unsafe { libc::setrlimit(libc::RLIMIT_NOFILE, &raised) } == 0 {
            limit = raised;
        }
    }
    let needed = instances * files_per_instance + SERVER_DESCRIPTORS;
    if limit.rlim_cur < needed {
        tracing::warn!(
            open_file_limit = limit.rlim_cur,
            needed,
            "the open-file limit cannot cover every instance at its open-file cap: raise it (ulimit -n, LimitNOFILE=) or lower the sessions"
        );
    }
}
