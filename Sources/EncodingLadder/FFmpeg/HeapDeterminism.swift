// The encoder exists only with the FFmpeg trait (the default); see Package.swift.
#if FFmpeg

import CFFmpeg

/// Makes uninitialised heap memory hold the same bytes in every run, for byte-reproducible encodes.
///
/// The system's libx264 (0.164, as Debian builds it for FFmpeg 5.1) reads heap memory it never wrote:
/// the same pictures with the same settings give different bytes when only the heap's leftovers
/// differ. Shown with the ffmpeg CLI alone: `MALLOC_PERTURB_=0` and `MALLOC_PERTURB_=165` runs of
/// `ffmpeg -f lavfi -i testsrc2=size=320x180:rate=30 -t 2 -vf scale=160:90 -c:v libx264 -threads 1 …`
/// produce different files. glibc's `M_PERTURB` fills every block `malloc` returns with one fixed
/// byte (and freed blocks with another), so such reads see the same values whatever ran before —
/// one process or many, one worker thread or several. It is process-wide, so only an executable's
/// entry point (or a test) should call this; elsewhere it does nothing.
enum HeapDeterminism {
    /// Fill byte: any non-zero value works; what matters is that it never changes.
    static let perturbByte: Int32 = 0x5A

    /// Turns the fill on for the rest of the process (glibc only; a no-op elsewhere).
    static func enable() { _ = cffmpeg_perturb_heap(perturbByte) }
}

#endif
