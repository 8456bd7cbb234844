import XCTest

extension XCTestCase {
    /// Every piece of `expected` is in `text` (a message, a page), each missing one named.
    func assertContains(_ text: String, _ expected: [String], file: StaticString = #filePath, line: UInt = #line) {
        for piece in expected {
            XCTAssertTrue(text.contains(piece), "expected «\(piece)» in:\n\(text)", file: file, line: line)
        }
    }
}
