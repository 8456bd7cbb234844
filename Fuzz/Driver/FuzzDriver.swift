// The entry point every fuzz target hands over to libFuzzer with.
//
// SwiftPM links an executable with its module's entry point renamed to `main`
// (`--defsym main=<module>_main`, so that tests can link executables), which leaves no room for
// libFuzzer's own `main`. So each target has a `@main` that calls libFuzzer's driver,
// LLVMFuzzerRunDriver (compiler-rt's libFuzzer, LLVM 11 on), with its LLVMFuzzerTestOneInput.
import Foundation

/// `int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*UserCb)(const uint8_t *Data, size_t Size))`.
/// Declared by symbol name: three pointers in and an int out are passed the same way by Swift's
/// and C's calling conventions.
@_silgen_name("LLVMFuzzerRunDriver")
private func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt
) -> CInt

public enum FuzzDriver {
    /// Runs libFuzzer with the process's arguments (corpus folders, -max_total_time=...) and exits.
    public static func run(_ testOneInput: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt) -> Never {
        var argc = CommandLine.argc
        var argv = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv, testOneInput))
    }
}
