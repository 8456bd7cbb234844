/// Ascending numbers as a JSON string of base-32 digits: each number is its difference to the
/// one before, most significant digit first, the last digit of a number from
/// `A`–`Z`, `a`–`f` and the digits before it from `g`–`z`, `0`–`9`, `-`, `_`. A posting of a
/// common word (the next document, found in the body) is one character, where a JSON number
/// took three with its comma: the word files are half the bytes, and gzip still finds the
/// repeats. praxis.js (`decode`) reads it back.
enum PostingCode {
    static let digits: [UInt8] = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)

    /// One number, written into `bytes`.
    @inline(__always)
    static func append(_ value: UInt32, to bytes: inout [UInt8]) {
        if value < 32 {
            bytes.append(digits[Int(value)])
            return
        }
        var shift: UInt32 = 5
        while value >> (shift + 5) != 0 { shift += 5 }
        while shift > 0 {
            bytes.append(digits[32 + Int((value >> shift) & 31)])
            shift -= 5
        }
        bytes.append(digits[Int(value & 31)])
    }

    /// `"…"`: the numbers of `values` (ascending) as differences, each shifted left by `bits`
    /// with the low `bits` of the value carried along.
    static func string<S: Sequence<UInt32>>(_ values: S, bits: UInt32, into bytes: inout [UInt8]) {
        bytes.append(0x22)
        var previous: UInt32 = 0
        let low: UInt32 = (1 << bits) - 1
        for value in values {
            let number = value >> bits
            append((number - previous) << bits | (value & low), to: &bytes)
            previous = number
        }
        bytes.append(0x22)
    }
}
