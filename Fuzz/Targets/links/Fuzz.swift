// libFuzzer target fuzz-links: the bytes go, as they are, to LinkFuzzing.run in PraxisCore.
// Built only by scripts/fuzz.sh (PRAXIS_FUZZ=1); debug builds allow the @testable import.
import Foundation
import FuzzDriver
@testable import PraxisCore

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    LinkFuzzing.run(Data(bytes: data, count: size))
    return 0
}

@main
enum FuzzMain {
    static func main() { FuzzDriver.run(fuzz) }
}
