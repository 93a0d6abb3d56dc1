//! The adversarial corpus: hostile cells sent through the gRPC API, each with
//! the typed outcome it must get (SECURITY.md maps the attack classes to the
//! isolation layers they test).
//!
//! `corpus_of_hostile_cells_gets_typed_outcomes` runs every case against a
//! dedicated in-process server, a few at a time. Each case gets its own
//! session (or fresh one-off interpreters), runs its cells and checks their
//! outcomes, exception names, output, flags and whether the session lives on;
//! a session that must have ended must refuse the next cell. After every case
//! the server must answer a health check and a trivial cell; a bystander
//! session created before the corpus must keep its variables to the end. The
//! corpus runs twice, and once every session is closed the process's memory
//! must be back near the baseline measured after the first pass.

//!
//! `case` defines what a case is, `attacks/` holds the corpus (one file per
//! attack class), `runner` runs one case and checks it; this file runs the
//! whole corpus twice and checks the server's health and memory around it.

mod attacks;
mod case;
#[path = "../common/mod.rs"]
mod common;
mod runner;

use std::collections::{BTreeMap, BTreeSet};
use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use code_interpreter::service::proto::event::Kind;
use common::process::{memory, mib};
use common::server::{Client, close_session, start};

use crate::attacks::corpus;
use crate::case::Class::*;
use crate::case::*;
use crate::runner::*;

/// Runs `cases` a few at a time; returns the failures.
async fn run_all(
    client: &Client,
    address: SocketAddr,
    cases: Vec<Case>,
    context: Context,
) -> Vec<String> {
    let cases = Arc::new(cases);
    let next = Arc::new(AtomicUsize::new(0));
    let mut workers = Vec::new();
    for _ in 0..PARALLEL_CASES {
        let (cases, next, client) = (Arc::clone(&cases), Arc::clone(&next), client.clone());
        workers.push(tokio::spawn(async move {
            let mut failures = Vec::new();
            loop {
                let index = next.fetch_add(1, Ordering::Relaxed);
                let Some(case) = cases.get(index) else {
                    return failures;
                };
                if let Err(error) = run_case(&client, case, context).await {
                    failures.push(format!("{:?}/{}: {error}", case.class, case.name));
                }
                if let Err(error) = healthy(&client, address).await {
                    failures.push(format!(
                        "{:?}/{}: the server is unhealthy after it: {error}",
                        case.class, case.name
                    ));
                }
            }
        }));
    }
    let mut failures = Vec::new();
    for worker in workers {
        failures.extend(worker.await.expect("a corpus worker panicked"));
    }
    failures
}

/// A session that lives through the whole corpus and must keep its state.
struct Bystander {
    client: Client,
    id: String,
    case: Case,
    context: Context,
}

impl Bystander {
    async fn start(client: &Client, context: Context) -> Self {
        let mut client = client.clone();
        let case = case(Sessions, "bystander", "");
        let id = create(&mut client, &case)
            .await
            .expect("the bystander session");
        let setup = "secret = 'bystander-' + str(6 * 7)\nfrom fractions import Fraction\nhalf = Fraction(1, 2)";
        let events = execute(&mut client, &id, &case, &cell(setup.into()), context)
            .await
            .expect("the bystander's first cell");
        check(&Expect::default(), &events, true).expect("the bystander's first cell");
        Self {
            client,
            id,
            case,
            context,
        }
    }

    /// Its variables are intact, no other cell ran in it, and it closes.
    async fn check_and_close(mut self) {
        let last = cell("(secret, half + half)".into());
        let events = execute(&mut self.client, &self.id, &self.case, &last, self.context)
            .await
            .expect("the bystander's last cell");
        let expect = Expect {
            result: Some(Text::Exact("('bystander-42', Fraction(1, 1))".into())),
            ..Expect::default()
        };
        check(&expect, &events, true).expect("the bystander kept its variables");
        let Some(Kind::End(end)) = events.last() else {
            unreachable!("checked above")
        };
        assert_eq!(
            end.usage.as_ref().map(|usage| usage.execution_count),
            Some(2),
            "no cell but its own ran in the bystander"
        );
        close_session(&mut self.client, &self.id)
            .await
            .expect("closing the bystander");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn corpus_of_hostile_cells_gets_typed_outcomes() {
    let cases = corpus();
    let names: BTreeSet<_> = cases.iter().map(|case| case.name).collect();
    assert_eq!(names.len(), cases.len(), "case names are unique");
    let mut per_class = BTreeMap::new();
    for case in &cases {
        *per_class.entry(case.class).or_insert(0) += 1;
    }
    assert!(cases.len() >= 60, "the corpus has {} cases", cases.len());

    let address = start(corpus_config(), 2);
    let context = Context::new(address);
    let client = client(address).await;

    let bystander = Bystander::start(&client, context).await;

    // The corpus runs twice: the first pass is the warm-up whose end state is
    // the memory baseline (what the server creates on first use, such as the
    // fuel-metering engine, and what the allocator keeps once the floods and
    // 16 MiB payloads have passed), the second is measured against it.
    let started = Instant::now();
    let mut failures = run_all(&client, address, cases.clone(), context).await;
    let warm_up = started.elapsed();
    sessions_left_at_most(&client, 1).await;
    let baseline = memory();
    let started = Instant::now();
    failures.extend(run_all(&client, address, cases.clone(), context).await);
    let elapsed = started.elapsed();

    bystander.check_and_close().await;
    sessions_left_at_most(&client, 0).await;

    // Instances are dropped and the warm pool refilled in the background:
    // look a few times for memory to come back down.
    let bound = baseline.private + MEMORY_SLACK_BYTES;
    let mut after = memory();
    for _ in 0..20 {
        if after.private <= bound {
            break;
        }
        tokio::time::sleep(Duration::from_millis(250)).await;
        after = memory();
    }
    eprintln!(
        "adversarial corpus: {} cases, {:.1} s per pass ({:.1} s warm-up); by class: {per_class:?}",
        cases.len(),
        elapsed.as_secs_f64(),
        warm_up.as_secs_f64()
    );
    eprintln!(
        "memory: baseline private {:.1} MiB (rss {:.1} MiB), after {:.1} MiB (rss {:.1} MiB)",
        mib(baseline.private),
        mib(baseline.rss),
        mib(after.private),
        mib(after.rss)
    );
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n\n")
    );
    assert!(
        after.private <= bound,
        "private memory grew from {:.1} to {:.1} MiB over the corpus",
        mib(baseline.private),
        mib(after.private)
    );
}
