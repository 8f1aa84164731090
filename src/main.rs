//! `casualty-lens`: the CLI when built natively, the web app when built for wasm32 by Trunk.

#[cfg(target_arch = "wasm32")]
mod ui;

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    casualty_lens::cli::main()
}

#[cfg(target_arch = "wasm32")]
fn main() {
    ui::start();
}
