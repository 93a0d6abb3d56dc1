//! Threads: none can start.

use crate::case::Class::*;
use crate::case::*;

/// The cases of this class.
pub fn cases() -> Vec<Case> {
    vec![
        case(
            Threads,
            "threading_thread_start",
            "import threading\nthreading.Thread(target=print, args=('hi',)).start()",
        )
        .raises("RuntimeError"),
        case(Threads, "thread_start_new_thread", "import _thread\n_thread.start_new_thread(print, ('x',))")
            .raises("RuntimeError"),
        case(
            Threads,
            "thread_pool_executor",
            "from concurrent.futures import ThreadPoolExecutor\nThreadPoolExecutor(4).submit(print, 1).result()",
        )
        .raises("RuntimeError"),
    ]
}
