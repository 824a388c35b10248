//! Opening documents off the UI thread: the files are read, the graph built
//! and analysed and its layout started on a thread of their own, while the
//! window keeps drawing the map that is open and shows the step under way
//! in the status bar. A small file opens within the frame that asked for it
//! ([`Loading::poll`] may wait a fraction of a second), so that the map does
//! not flash a progress line for nothing.

use std::path::PathBuf;
use std::sync::{Arc, Mutex, PoisonError, mpsc};
use std::time::{Duration, Instant};

use super::workspace::Workspace;
use crate::document::LoadError;

/// What the loading thread hands back.
pub type Opened = anyhow::Result<(Workspace, Vec<LoadError>)>;

/// Documents being opened.
pub struct Loading {
    /// The files asked for (empty: the bundled document).
    pub files: Vec<PathBuf>,
    step: Arc<Mutex<String>>,
    result: mpsc::Receiver<Opened>,
    started: Instant,
}

impl Loading {
    /// Starts opening `files` on a thread of its own; `ctx`, when given, is
    /// asked to repaint at each step and when the work is done.
    #[must_use]
    pub fn start(files: Vec<PathBuf>, ctx: Option<egui::Context>) -> Self {
        let step = Arc::new(Mutex::new(String::from("starting")));
        let (send, result) = mpsc::channel();
        let (thread_files, thread_step) = (files.clone(), Arc::clone(&step));
        let spawned = std::thread::Builder::new().name("open documents".to_owned()).spawn(move || {
            let report = |s: crate::corpus::Step| {
                *thread_step.lock().unwrap_or_else(PoisonError::into_inner) = s.to_string();
                if let Some(ctx) = &ctx {
                    ctx.request_repaint();
                }
            };
            let opened = Workspace::open_reporting(&thread_files, &report);
            // The window may have gone: nobody to tell.
            let _ = send.send(opened);
            if let Some(ctx) = &ctx {
                ctx.request_repaint();
            }
        });
        if let Err(e) = spawned {
            // No thread to be had: the receiver reports a stopped worker.
            log::error!("cannot start a thread to open documents: {e}");
        }
        Loading { files, step, result, started: Instant::now() }
    }

    /// The outcome once the work is done, waiting for it at most `wait`;
    /// `None` while it goes on.
    pub fn poll(&self, wait: Duration) -> Option<Opened> {
        match self.result.recv_timeout(wait) {
            Ok(opened) => Some(opened),
            Err(mpsc::RecvTimeoutError::Timeout) => None,
            Err(mpsc::RecvTimeoutError::Disconnected) => {
                Some(Err(anyhow::anyhow!("opening the documents stopped before it finished")))
            }
        }
    }

    /// The progress line: what is being opened, the step under way, and for how long.
    #[must_use]
    pub fn describe(&self) -> String {
        let what = match self.files.as_slice() {
            [] => "the bundled document".to_owned(),
            [one] => one.file_name().map_or_else(|| one.display().to_string(), |n| n.to_string_lossy().into_owned()),
            many => format!("{} files", many.len()),
        };
        let step = self.step.lock().unwrap_or_else(PoisonError::into_inner).clone();
        format!("Opening {what}: {step}… ({} s)", self.started.elapsed().as_secs())
    }
}
