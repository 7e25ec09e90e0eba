extension LadderSpec {
    /// The same ladder encoded with another encoder (the CLI's `--codec`).
    ///
    /// Profiles and presets that the new encoder does not accept are dropped (its defaults apply);
    /// everything else is kept and re-validated.
    ///
    /// - Throws: ``LadderSpecError`` when a kept value is invalid for `encoder` (a CRF outside its range).
    public func replacingCodec(with encoder: VideoEncoder, file: String) throws -> LadderSpec {
        var copy = self
        copy.rungs = rungs.map { rung in
            var r = rung
            r.codec = encoder
            if let profile = r.profile, !encoder.profiles.contains(profile) { r.profile = nil }
            if let preset = r.preset, !encoder.presets.contains(preset) { r.preset = nil }
            return r
        }
        try copy.validate(file: file)
        return copy
    }
}
