/// The built-in policies of sabre.py (`--abr`), by their Sabre names.
public enum SabrePolicyKind: String, CaseIterable, Hashable, Sendable {
    /// `Bola`: BOLA with Sabre's finite-buffer and abandonment additions.
    case bola
    /// `BolaEnh`: BOLA-E (sabre.py's default policy).
    case bolae
    /// `ThroughputRule`.
    case throughput
    /// `Dynamic`: BOLA ⇄ throughput at 10 s.
    case dynamic
    /// `DynamicDash`: BOLA-E ⇄ throughput with 5 s / 10 s hysteresis, as dash.js.
    case dynamicdash
}
