//! ExecuteBatch: many programs, each on a fresh interpreter (or in turn in a
//! session), with bounded parallelism; one result per program as it finishes.
//!
//! A program's answer comes from its stdout, its trailing expression, or a
//! second cell run after it in the same interpreter (`variable` and
//! `expression` answers), which gets what is left of the program's time
//! limit and fuel budget.

use std::sync::Arc;
use std::time::{Duration, Instant};

use tokio::sync::{Semaphore, mpsc};
use tokio::task::JoinSet;
use tonic::Status;

use super::config::ServiceConfig;
use super::convert::sandbox_error;
use super::metrics::Metrics;
use super::proto::{self, answer};
use super::sessions::ManagedSession;
use super::{convert, request};
use crate::{
    CellEnd, CellLimits, Event, ExecError, InstanceLimits, Outcome, Sandbox, Session, StreamName,
    Value,
};

/// What runs a batch's programs; shared by its tasks.
pub struct BatchRunner {
    pub sandbox: Sandbox,
    pub config: ServiceConfig,
    /// The server's slots for cells on fresh interpreters.
    pub runs: Arc<Semaphore>,
    pub metrics: Arc<Metrics>,
}

/// A checked batch, ready to run.
pub struct Batch {
    programs: Vec<Planned>,
    parallel: usize,
    instance: InstanceLimits,
    max_answer_chars: usize,
    /// When the call arrived and the caller's deadline, if any.
    received: Instant,
    deadline: Option<Duration>,
}

impl Batch {
    /// The number of programs.
    pub fn program_count(&self) -> usize {
        self.programs.len()
    }
}

/// One program of a batch.
struct Planned {
    index: u32,
    code: String,
    answer: AnswerMode,
    limits: Option<proto::CellLimits>,
}

/// Where a program's answer comes from.
#[derive(Debug, Clone)]
enum AnswerMode {
    Stdout,
    LastExpression,
    /// Code evaluated after the program: a variable name or an expression.
    After(String),
}

impl BatchRunner {
    /// Checks a request against the service's caps.
    pub fn plan(
        &self,
        request: proto::BatchRequest,
        deadline: Option<Duration>,
    ) -> Result<Batch, Status> {
        let config = &self.config;
        if request.programs.len() > config.max_batch_programs {
            return Err(Status::invalid_argument(format!(
                "{} programs given, more than the maximum of {} per batch",
                request.programs.len(),
                config.max_batch_programs
            )));
        }
        let default_answer = answer_mode(request.answer.as_ref(), "answer")?;
        let mut fuel = request.limits.as_ref().is_some_and(|l| l.fuel.is_some());
        let mut programs = Vec::with_capacity(request.programs.len());
        for (index, program) in request.programs.into_iter().enumerate() {
            let field = format!("programs[{index}]");
            request::check_code(config, &program.code).map_err(|status| {
                Status::invalid_argument(format!("{field}: {}", status.message()))
            })?;
            let answer = match &program.answer {
                Some(answer) => answer_mode(Some(answer), &format!("{field}.answer"))?,
                None => default_answer.clone(),
            };
            let limits = program.limits.or(request.limits);
            request::cell_limits(config, limits.as_ref(), None).map_err(|status| {
                Status::invalid_argument(format!("{field}: {}", status.message()))
            })?;
            fuel |= limits.as_ref().is_some_and(|l| l.fuel.is_some());
            programs.push(Planned {
                index: u32::try_from(index).expect("a batch holds fewer than 2^32 programs"),
                code: program.code,
                answer,
                limits,
            });
        }
        let mut instance = request::instance_limits(
            config,
            self.sandbox.max_memory_bytes(),
            request.instance_limits.as_ref(),
        )?;
        // A fuel budget needs a fuel-metered interpreter.
        instance.fuel_metered |= fuel;
        let parallel = match usize::try_from(request.max_parallel) {
            Ok(0) => config.default_batch_parallelism,
            Ok(asked) => asked,
            Err(_) => config.max_concurrent_runs,
        }
        .min(config.max_concurrent_runs);
        Ok(Batch {
            programs,
            parallel,
            instance,
            max_answer_chars: request.max_answer_chars as usize,
            received: Instant::now(),
            deadline,
        })
    }

    /// Runs every program on a fresh interpreter, at most `batch.parallel` at
    /// once, sending each result as it finishes. Dropping the future stops
    /// the programs still running.
    pub async fn run_fresh(
        self: Arc<Self>,
        batch: Batch,
        results: mpsc::Sender<proto::BatchResult>,
    ) {
        let batch = Arc::new(batch);
        let parallel = Arc::new(Semaphore::new(batch.parallel.max(1)));
        let mut running = JoinSet::new();
        for index in 0..batch.programs.len() {
            let Ok(permit) = Arc::clone(&parallel).acquire_owned().await else {
                return;
            };
            let (runner, batch, results) = (Arc::clone(&self), Arc::clone(&batch), results.clone());
            running.spawn(async move {
                let program = &batch.programs[index];
                let result = runner.run_one_off(&batch, program).await;
                drop(permit);
                runner.count(&result);
                let _ = results.send(result).await;
            });
            while running.try_join_next().is_some() {}
        }
        while running.join_next().await.is_some() {}
    }

    /// Runs the programs one after another in `session`.
    pub async fn run_in_session(
        self: Arc<Self>,
        batch: Batch,
        session: Arc<ManagedSession>,
        results: mpsc::Sender<proto::BatchResult>,
    ) {
        for program in &batch.programs {
            let result = match self.limits(&batch, program) {
                Ok(limits) => {
                    let run = |code: &str, limits| {
                        let started = session.execute(code, limits);
                        async move {
                            let (events, _activity) = started?;
                            Ok(events.collect().await)
                        }
                    };
                    self.run_program(&batch, program, limits, run).await
                }
                Err(status) => failed(program.index, &status),
            };
            self.count(&result);
            if results.send(result).await.is_err() {
                return;
            }
        }
    }

    /// Counts a program's result in the metrics.
    fn count(&self, result: &proto::BatchResult) {
        let wall_us = result.usage.as_ref().map_or(0, |usage| usage.wall_time_us);
        self.metrics.batch_program(result.outcome, wall_us);
    }

    async fn run_one_off(&self, batch: &Batch, program: &Planned) -> proto::BatchResult {
        let started = async {
            let slot = Arc::clone(&self.runs)
                .acquire_owned()
                .await
                .map_err(|_| Status::unavailable("the server is shutting down"))?;
            let limits = self.limits(batch, program)?;
            let session = self
                .sandbox
                .create_session(batch.instance)
                .await
                .map_err(sandbox_error)?;
            Ok::<_, Status>((slot, limits, session))
        };
        match started.await {
            Ok((_slot, limits, session)) => {
                let run = |code: &str, limits| run_cell(&session, code, limits);
                self.run_program(batch, program, limits, run).await
            }
            Err(status) => failed(program.index, &status),
        }
    }

    /// The program's limits, its time limit cut to the caller's deadline.
    fn limits(&self, batch: &Batch, program: &Planned) -> Result<CellLimits, Status> {
        let remaining = batch
            .deadline
            .map(|deadline| deadline.saturating_sub(batch.received.elapsed()));
        request::cell_limits(&self.config, program.limits.as_ref(), remaining)
    }

    /// Runs a program and, for answers taken after it, the answer cell, with
    /// `run` executing one cell in the program's interpreter.
    async fn run_program<F, Fut>(
        &self,
        batch: &Batch,
        program: &Planned,
        limits: CellLimits,
        run: F,
    ) -> proto::BatchResult
    where
        F: Fn(&str, CellLimits) -> Fut,
        Fut: Future<Output = Result<Vec<Event>, Status>>,
    {
        let events = match run(&program.code, limits).await {
            Ok(events) => events,
            Err(status) => return failed(program.index, &status),
        };
        let mut cells = vec![Cell::from_events(events)];
        if let AnswerMode::After(code) = &program.answer
            && cells[0].end.outcome == Outcome::Ok
        {
            let used = cells[0].end.usage;
            let rest = CellLimits {
                timeout: limits.timeout.saturating_sub(used.wall_time),
                fuel: limits
                    .fuel
                    .map(|fuel| fuel.saturating_sub(used.fuel_used.unwrap_or(0)).max(1)),
                ..limits
            };
            match run(code, rest).await {
                Ok(events) => cells.push(Cell::from_events(events)),
                Err(status) => return failed(program.index, &status),
            }
        }
        compose(program, &cells, batch.max_answer_chars)
    }
}

/// What one cell produced.
struct Cell {
    stdout: String,
    output: String,
    result: Option<crate::ExecResult>,
    error: Option<ExecError>,
    end: CellEnd,
}

impl Cell {
    fn from_events(events: Vec<Event>) -> Self {
        let mut cell = Self {
            stdout: String::new(),
            output: String::new(),
            result: None,
            error: None,
            end: CellEnd {
                outcome: Outcome::SandboxFault,
                usage: crate::Usage::default(),
                output_truncated: false,
                message: Some("the interpreter stopped without ending the cell".to_owned()),
                rolled_back_to: None,
            },
        };
        for event in events {
            match event {
                Event::Stream { name, text } => {
                    if name == StreamName::Stdout {
                        cell.stdout.push_str(&text);
                    }
                    cell.output.push_str(&text);
                }
                Event::Result(result) => cell.result = Some(result),
                Event::Error(error) => cell.error = Some(error),
                Event::End(end) => cell.end = end,
                Event::Display(_) => {}
            }
        }
        cell
    }
}

/// The batch result of a program from its cells (the program's, then the
/// answer cell's, if any).
fn compose(program: &Planned, cells: &[Cell], max_answer_chars: usize) -> proto::BatchResult {
    let last = cells.last().expect("a program runs at least one cell");
    let (answer, text) = if last.end.outcome != Outcome::Ok {
        (None, String::new())
    } else {
        match &program.answer {
            AnswerMode::Stdout => (
                Some(Value::Str {
                    value: last.stdout.clone(),
                }),
                last.stdout.clone(),
            ),
            AnswerMode::LastExpression | AnswerMode::After(_) => match &last.result {
                Some(result) => (Some(result.value.clone()), result.text_plain.clone()),
                None => (None, String::new()),
            },
        }
    };
    let (answer_text, answer_truncated) = head_and_tail(&text, max_answer_chars);
    let error = cells.iter().find_map(|cell| cell.error.clone());
    let usage = crate::Usage {
        wall_time: cells.iter().map(|cell| cell.end.usage.wall_time).sum(),
        fuel_used: cells
            .iter()
            .map(|cell| cell.end.usage.fuel_used)
            .sum::<Option<u64>>(),
        peak_memory_bytes: last.end.usage.peak_memory_bytes,
        execution_count: last.end.usage.execution_count,
    };
    let end = convert::end(
        CellEnd {
            usage,
            ..last.end.clone()
        },
        false,
    );
    proto::BatchResult {
        index: program.index,
        outcome: end.outcome,
        answer: answer.map(convert::value),
        answer_text,
        answer_truncated,
        short_error: short_error(&last.end, error.as_ref()),
        error: error.map(|error| proto::Error {
            ename: error.ename,
            evalue: error.evalue,
            traceback: error.traceback,
        }),
        usage: end.usage,
        output: cells.iter().map(|cell| cell.output.as_str()).collect(),
    }
}

/// One line on why a program failed; empty when it did not.
fn short_error(end: &CellEnd, error: Option<&ExecError>) -> String {
    match (end.outcome, error) {
        (Outcome::Ok, _) => String::new(),
        (Outcome::Error, Some(error)) => last_traceback_line(error),
        (Outcome::Error, None) => "error".to_owned(),
        (Outcome::Timeout, _) => "timeout".to_owned(),
        (Outcome::MemoryLimit, _) => "memory limit".to_owned(),
        (Outcome::OutputLimit, _) => "output limit".to_owned(),
        (Outcome::FuelExhausted, _) => "fuel exhausted".to_owned(),
        (Outcome::Cancelled, _) => "cancelled".to_owned(),
        (Outcome::SandboxFault, _) => {
            let message = end.message.as_deref().unwrap_or_default();
            format!(
                "sandbox fault: {}",
                message.lines().next().unwrap_or_default()
            )
        }
    }
}

/// The last line of an exception's traceback, e.g. `ZeroDivisionError:
/// division by zero` (what harnesses report); `ename: evalue` without one.
fn last_traceback_line(error: &ExecError) -> String {
    let last = error
        .traceback
        .iter()
        .flat_map(|entry| entry.lines())
        .rfind(|line| !line.trim().is_empty());
    match last {
        Some(line) => line.trim().to_owned(),
        None if error.evalue.is_empty() => error.ename.clone(),
        None => format!("{}: {}", error.ename, error.evalue),
    }
}

/// `text`, or its first and last `max / 2` characters joined by "..." when it
/// is longer than `max` characters (0: no limit); and whether it was cut.
fn head_and_tail(text: &str, max: usize) -> (String, bool) {
    let chars = text.chars().count();
    if max == 0 || chars <= max {
        return (text.to_owned(), false);
    }
    let half = max / 2;
    let head: String = text.chars().take(half).collect();
    let tail: String = text.chars().skip(chars - half).collect();
    (format!("{head}...{tail}"), true)
}

/// The result of a program that could not run.
fn failed(index: u32, status: &Status) -> proto::BatchResult {
    let outcome = match status.code() {
        tonic::Code::InvalidArgument => proto::Outcome::Error,
        _ => proto::Outcome::SandboxFault,
    };
    proto::BatchResult {
        index,
        outcome: outcome.into(),
        short_error: status.message().to_owned(),
        ..Default::default()
    }
}

/// Runs one cell of a fresh interpreter to its end (the cell is queued
/// before the future is first polled).
fn run_cell(
    session: &Session,
    code: &str,
    limits: CellLimits,
) -> impl Future<Output = Result<Vec<Event>, Status>> + use<> {
    let started = session
        .execute(code, limits)
        .map_err(|error| Status::invalid_argument(error.to_string()));
    async move { Ok(started?.collect().await) }
}

/// The answer mode of a request, checked; `field` names it in errors.
fn answer_mode(answer: Option<&proto::Answer>, field: &str) -> Result<AnswerMode, Status> {
    Ok(match answer.and_then(|answer| answer.kind.as_ref()) {
        None | Some(answer::Kind::LastExpression(_)) => AnswerMode::LastExpression,
        Some(answer::Kind::Stdout(_)) => AnswerMode::Stdout,
        Some(answer::Kind::Variable(name)) => {
            let mut chars = name.chars();
            let identifier = chars
                .next()
                .is_some_and(|first| first == '_' || first.is_alphabetic())
                && chars.all(|c| c == '_' || c.is_alphanumeric());
            if !identifier {
                return Err(Status::invalid_argument(format!(
                    "{field}.variable {name:?} is not a Python identifier"
                )));
            }
            AnswerMode::After(name.clone())
        }
        Some(answer::Kind::Expression(expression)) => {
            if expression.trim().is_empty() {
                return Err(Status::invalid_argument(format!(
                    "{field}.expression is empty"
                )));
            }
            AnswerMode::After(expression.clone())
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_answers_keep_their_head_and_tail() {
        assert_eq!(head_and_tail("short", 10), ("short".to_owned(), false));
        assert_eq!(head_and_tail("anything", 0), ("anything".to_owned(), false));
        assert_eq!(
            head_and_tail("0123456789abcdef", 6),
            ("012...def".to_owned(), true)
        );
        assert_eq!(head_and_tail("ééééééé", 2), ("é...é".to_owned(), true));
    }

    #[test]
    fn variables_must_be_identifiers() {
        let variable = |name: &str| proto::Answer {
            kind: Some(answer::Kind::Variable(name.to_owned())),
        };
        assert!(answer_mode(Some(&variable("answer_2")), "answer").is_ok());
        assert!(answer_mode(Some(&variable("résultat")), "answer").is_ok());
        for bad in ["", "2x", "a b", "x; import os", "a.b"] {
            let status = answer_mode(Some(&variable(bad)), "answer").unwrap_err();
            assert_eq!(status.code(), tonic::Code::InvalidArgument, "{bad:?}");
        }
    }
}
