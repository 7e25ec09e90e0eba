/// fixed_env.py's network and buffer: one chunk download at a time over a cooked trace.
///
/// This is `Environment.get_video_chunk` of Pensieve's `test/fixed_env.py` (commit 1120bb1),
/// rewritten operation by operation so that every result is bit-identical. Its quirks, kept on
/// purpose because published numbers depend on them:
///
/// - **Trace pointer.** Line `i`'s bandwidth holds over the interval that ends at line `i`'s
///   timestamp. The pointer starts at line 1 with the clock at `times[0]`; line 0's bandwidth is
///   never used.
/// - **Wrap.** Past the last line the pointer returns to line 1 and the clock to 0 (not to
///   `times[0]`), so line 1's interval after a wrap is `(0, times[1]]`.
/// - **No noise.** Unlike the training simulator `sim/env.py`, fixed_env.py draws no random
///   numbers (it seeds numpy and never uses it), so a trace always gives the same result.
/// - **Payload.** Only `PACKET_PAYLOAD_PORTION = 0.95` of the link rate carries video.
/// - **RTT.** 80 ms are added once per chunk, after the transfer; the clock does not advance
///   over them, so the next chunk starts where this transfer ended.
/// - **First chunk.** The buffer starts empty, so the whole first download (RTT included)
///   counts as rebuffering, although a real player is in startup then.
/// - **Sleep.** Above the 60 s threshold the player sleeps a whole number of 500 ms quanta,
///   the clock moves on, and the buffer drops by the sleep.
/// - **Reported sleep.** The sleep loop decrements `sleep_time` by every trace line it crosses
///   and returns what is left, so the scripts' timestamps count only the last line's part of a
///   sleep that crosses trace lines. `PensieveChunkLog.sleepMs` reports that returned value.
struct PensieveLink: Sendable {
    let trace: PensieveTrace
    let configuration: PensieveConfiguration
    /// `mahimahi_ptr`: the line whose interval the clock is in.
    private(set) var pointer = 1
    /// `last_mahimahi_time`: the clock, in trace seconds.
    private(set) var clockSeconds: Double
    /// `buffer_size`: playable video, in milliseconds.
    private(set) var bufferMs = 0.0

    /// `B_IN_MB / BITS_IN_BYTE`: bytes per second in 1 Mbit/s.
    private static let bytesPerSecondPerMbps = 1_000_000.0 / 8.0

    init(trace: PensieveTrace, configuration: PensieveConfiguration) {
        self.trace = trace
        self.configuration = configuration
        self.clockSeconds = trace.times[0]
    }

    /// What one download returned.
    struct Step: Hashable, Sendable {
        /// Transfer time plus RTT, in milliseconds.
        var delayMs: Double
        /// The sleep after the download as fixed_env.py returns it (see the type's notes), in ms.
        var sleepMs: Double
        /// The buffer after the download and the sleep, in seconds.
        var bufferSeconds: Double
        /// Stall caused by this download, in seconds.
        var rebufferSeconds: Double
    }

    /// Downloads `bytes` and updates the clock and the buffer.
    ///
    /// - Complexity: O(lines crossed).
    mutating func download(bytes: Int) -> Step {
        let times = trace.times, mbps = trace.mbps
        let payload = configuration.payloadFraction
        let size = Double(bytes)
        var delay = 0.0  // seconds until scaled
        var sent = 0.0
        while true {
            let throughput = mbps[pointer] * Self.bytesPerSecondPerMbps
            let duration = times[pointer] - clockSeconds
            let packetPayload = throughput * duration * payload
            if sent + packetPayload > size {
                let fractional = (size - sent) / throughput / payload
                delay += fractional
                clockSeconds += fractional
                break
            }
            sent += packetPayload
            delay += duration
            clockSeconds = times[pointer]
            advance()
        }
        delay *= 1000
        delay += configuration.roundTripMs

        let rebufferMs = max(delay - bufferMs, 0)
        bufferMs = max(bufferMs - delay, 0)
        bufferMs += configuration.chunkMs

        var sleepMs = 0.0
        if bufferMs > configuration.bufferThresholdMs {
            let drainMs = bufferMs - configuration.bufferThresholdMs
            let quantum = configuration.sleepQuantumMs
            sleepMs = (drainMs / quantum).rounded(.up) * quantum
            bufferMs -= sleepMs
            while true {
                let duration = times[pointer] - clockSeconds
                if duration > sleepMs / 1000 {
                    clockSeconds += sleepMs / 1000
                    break
                }
                sleepMs -= duration * 1000
                clockSeconds = times[pointer]
                advance()
            }
        }
        return Step(delayMs: delay, sleepMs: sleepMs, bufferSeconds: bufferMs / 1000, rebufferSeconds: rebufferMs / 1000)
    }

    /// Moves to the next line, wrapping to line 1 with the clock at 0.
    private mutating func advance() {
        pointer += 1
        if pointer >= trace.times.count {
            pointer = 1
            clockSeconds = 0
        }
    }
}
