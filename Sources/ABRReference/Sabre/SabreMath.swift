// The C math library (libm), not Foundation: sabre.py's `math.log` and `math.pow` call the
// same libm functions, so calling them directly keeps every logarithm and power bit-identical.
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Arithmetic helpers that reproduce Python's semantics where Swift's differ.
enum SabreMath {
    /// Natural logarithm, as Python's `math.log` (libm `log`).
    @inline(__always)
    static func naturalLog(_ x: Double) -> Double { log(x) }

    /// `0.5 ** x`, as Python's `math.pow(0.5, x)` (libm `pow`).
    ///
    /// Unoptimised on purpose: LLVM rewrites `pow(0.5, x)` as `exp2(-x)`, which differs from
    /// libm's `pow` in the last bit for some `x` (seen in sabre.py's estimate averages).
    @_optimize(none)
    static func halfPower(_ x: Double) -> Double { pow(0.5, x) }

    /// Python's `max(a, b)`: `b` only when strictly greater, so ties keep `a`.
    @inline(__always)
    static func max(_ a: Double, _ b: Double) -> Double { b > a ? b : a }

    /// Python's `min(a, b)`: `b` only when strictly smaller, so ties keep `a`.
    @inline(__always)
    static func min(_ a: Double, _ b: Double) -> Double { b < a ? b : a }
}
