//! `casualty-lens`: the CLI when built natively; built for wasm32 by Trunk, the web app on a page
//! and the extraction worker inside a dedicated worker (same module).

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    casualty_lens::cli::main()
}

#[cfg(target_arch = "wasm32")]
fn main() {
    casualty_lens::ui::start();
}
