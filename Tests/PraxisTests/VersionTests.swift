import PraxisCore
import XCTest

/// `praxis --version` prints the version written once in PraxisVersion, which the Debian package
/// takes its version from (scripts/package.sh runs the built binary's --version).
final class VersionTests: XCTestCase {
    func testVersionFlagPrintsPraxisVersion() throws {
        let result = try PraxisCommand.run(["--version"])
        XCTAssertEqual(result.status, 0, result.errors)
        XCTAssertEqual(result.output, PraxisVersion.current + "\n")
        // A Debian version starts with a digit and holds no spaces (dpkg-deb refuses anything else).
        XCTAssertNotNil(PraxisVersion.current.range(of: #"^[0-9][0-9A-Za-z.+~-]*$"#, options: .regularExpression))
    }
}
