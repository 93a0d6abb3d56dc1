//! The corpus, one file per attack class (SECURITY.md maps the classes to
//! the isolation layers they test). Placeholders in code: `{port}` (the
//! server's port), `{nofile}` (a little more than the process's open-file
//! limit).

mod big_integers;
mod cpu;
mod environment;
mod exhaustion;
mod exits;
mod finalizers;
mod host_calls;
mod host_files;
mod memory;
mod native_code;
mod network;
mod output;
mod processes;
mod recursion;
mod requests;
mod runner;
mod sessions;
mod threads;
mod transfers;
mod writes;

use crate::case::Case;

/// Every case, class by class.
pub fn corpus() -> Vec<Case> {
    [
        host_files::cases(),
        writes::cases(),
        network::cases(),
        processes::cases(),
        native_code::cases(),
        threads::cases(),
        host_calls::cases(),
        memory::cases(),
        recursion::cases(),
        cpu::cases(),
        output::cases(),
        big_integers::cases(),
        finalizers::cases(),
        exits::cases(),
        runner::cases(),
        sessions::cases(),
        environment::cases(),
        exhaustion::cases(),
        requests::cases(),
        transfers::cases(),
    ]
    .concat()
}
