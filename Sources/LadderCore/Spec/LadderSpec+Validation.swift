extension LadderSpec {
    /// Largest picture dimension accepted, pixels (8K UHD is 7680×4320).
    public static let maximumDimension = 8192
    /// Smallest picture dimension accepted, pixels: chroma planes must hold one 8×8 SSIM window.
    public static let minimumDimension = 16
    /// Longest segment accepted, seconds.
    public static let maximumSegmentSeconds = 60.0

    /// Checks every semantic rule the JSON schema cannot express.
    ///
    /// - Parameter file: the name to put in errors.
    /// - Throws: ``LadderSpecError`` with code `invalidValue` for the first violation, naming the
    ///   rung and field, the value, and what was expected.
    public func validate(file: String) throws {
        func fail(_ field: String, _ message: String) -> LadderSpecError {
            LadderSpecError(.invalidValue, file: file, field: field, message)
        }
        if name.isEmpty { throw fail("name", "is empty; expected a ladder name") }
        guard segmentSeconds > 0, segmentSeconds <= Self.maximumSegmentSeconds else {
            throw fail(
                "segment_seconds",
                "is \(segmentSeconds); expected more than 0 and at most \(Self.maximumSegmentSeconds)"
            )
        }
        if let gop = gopFrames, gop <= 0 { throw fail("gop", "is \(gop); expected a positive number of frames") }
        for (key, cap) in [("sd", dataCaps.sdGBPerHour), ("hd", dataCaps.hdGBPerHour), ("uhd", dataCaps.uhdGBPerHour)]
        where !(cap > 0) {
            throw fail("data_caps_gb_per_hour.\(key)", "is \(cap); expected a positive number of GB per hour")
        }
        if rungs.isEmpty { throw fail("rungs", "is empty; expected at least one rung") }
        var seenNames: Set<String> = []
        for (index, rung) in rungs.enumerated() {
            let at = "rungs[\(index)] \"\(rung.name)\""
            if rung.name.isEmpty { throw fail("rungs[\(index)].name", "is empty; expected a unique rung name") }
            if !seenNames.insert(rung.name).inserted {
                throw fail("\(at).name", "repeats an earlier rung's name; expected unique names")
            }
            try validateRung(rung, at: at, fail: fail)
            if index > 0 {
                let previous = rungs[index - 1]
                if rung.height < previous.height {
                    throw fail(
                        "\(at).height",
                        "is \(rung.height), below the previous rung's \(previous.height); expected rungs lowest first"
                    )
                }
                if let b = rung.bitrateKbps, let p = previous.bitrateKbps, b <= p {
                    throw fail(
                        "\(at).bitrate_kbps",
                        "is \(b), not above the previous rung's \(p); expected rungs lowest first"
                    )
                }
            }
        }
    }

    private func validateRung(_ rung: Rung, at: String, fail: (String, String) -> LadderSpecError) throws {
        for (key, value) in [("width", rung.width), ("height", rung.height)] {
            guard value >= Self.minimumDimension, value <= Self.maximumDimension, YUV420.fits(side: value) else {
                throw fail(
                    "\(at).\(key)",
                    "is \(value); expected an even number of pixels from \(Self.minimumDimension) "
                        + "to \(Self.maximumDimension) (4:2:0 chroma halves it)"
                )
            }
        }
        for (key, value) in [
            ("bitrate_kbps", rung.bitrateKbps), ("maxrate_kbps", rung.maxrateKbps),
            ("bufsize_kbits", rung.bufsizeKbits),
        ] {
            if let value, value <= 0 { throw fail("\(at).\(key)", "is \(value); expected a positive number") }
        }
        switch (rung.bitrateKbps, rung.crf) {
        case (nil, nil):
            throw fail(at, "has neither bitrate_kbps nor crf; expected one of them")
        case (.some, .some):
            throw fail(at, "has both bitrate_kbps and crf; expected one (cap a CRF rung with maxrate_kbps)")
        case (_, .some(let crf)) where !rung.codec.crfRange.contains(crf):
            throw fail(
                "\(at).crf",
                "is \(crf); expected \(rung.codec.crfRange.lowerBound)...\(rung.codec.crfRange.upperBound) for \(rung.codec.rawValue)"
            )
        default: break
        }
        if let maxrate = rung.maxrateKbps, let bitrate = rung.bitrateKbps, maxrate < bitrate {
            throw fail("\(at).maxrate_kbps", "is \(maxrate), below bitrate_kbps \(bitrate); expected maxrate ≥ bitrate")
        }
        if (rung.maxrateKbps == nil) != (rung.bufsizeKbits == nil) {
            throw fail(at, "has only one of maxrate_kbps and bufsize_kbits; the VBV needs both")
        }
        if let profile = rung.profile, !rung.codec.profiles.contains(profile) {
            throw fail(
                "\(at).profile",
                "is \"\(profile)\"; expected one of \(rung.codec.profiles.joined(separator: ", ")) for \(rung.codec.rawValue)"
            )
        }
        if let preset = rung.preset, !rung.codec.presets.contains(preset) {
            throw fail(
                "\(at).preset",
                "is \"\(preset)\"; expected one of \(rung.codec.presets.joined(separator: ", ")) for \(rung.codec.rawValue)"
            )
        }
    }
}
