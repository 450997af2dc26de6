fn main() -> std::process::ExitCode {
    tilik::cli::main()
}
