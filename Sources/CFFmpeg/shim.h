// C macros and inline helpers of FFmpeg that Swift cannot import directly.
#ifndef ABRKIT_CFFMPEG_SHIM_H
#define ABRKIT_CFFMPEG_SHIM_H

#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavformat/avio.h>
#include <libavutil/avutil.h>
#include <libavutil/error.h>
#include <libavutil/imgutils.h>
#include <libavutil/opt.h>
#include <libavutil/channel_layout.h>
#include <libavutil/audio_fifo.h>
#include <libswscale/swscale.h>
#include <libswresample/swresample.h>
#include <errno.h>

/// `AVERROR(e)`: a POSIX errno as a negative FFmpeg error code.
static inline int cffmpeg_averror(int posixError) { return AVERROR(posixError); }
/// `AVERROR_EOF`: end of stream.
static inline int cffmpeg_averror_eof(void) { return AVERROR_EOF; }
/// `AVERROR(EAGAIN)`: output not available in this state; send more input.
static inline int cffmpeg_averror_eagain(void) { return AVERROR(EAGAIN); }
/// `AVERROR(EINVAL)`.
static inline int cffmpeg_averror_einval(void) { return AVERROR(EINVAL); }
/// `AVERROR_DECODER_NOT_FOUND`.
static inline int cffmpeg_averror_decoder_not_found(void) { return AVERROR_DECODER_NOT_FOUND; }
/// `AVERROR_ENCODER_NOT_FOUND`.
static inline int cffmpeg_averror_encoder_not_found(void) { return AVERROR_ENCODER_NOT_FOUND; }
/// `AVERROR_INVALIDDATA`.
static inline int cffmpeg_averror_invaliddata(void) { return AVERROR_INVALIDDATA; }
/// `AV_NOPTS_VALUE`: no timestamp.
static inline int64_t cffmpeg_nopts_value(void) { return AV_NOPTS_VALUE; }
/// `AV_TIME_BASE`: microseconds per second of libavformat's internal time base.
static inline int cffmpeg_time_base(void) { return AV_TIME_BASE; }
/// `AVERROR_BUFFER_TOO_SMALL` etc. are not needed; `AV_ERROR_MAX_STRING_SIZE` is.
static inline int cffmpeg_error_max_string_size(void) { return AV_ERROR_MAX_STRING_SIZE; }


#if defined(__GLIBC__)
#include <malloc.h>
/// glibc `mallopt(M_PERTURB, byte)`: fill every new heap block with a fixed byte (see HeapDeterminism.swift).
static inline int cffmpeg_perturb_heap(int byte) { return mallopt(M_PERTURB, byte); }
#else
static inline int cffmpeg_perturb_heap(int byte) { (void)byte; return 0; }
#endif

#if defined(__linux__)
#include <linux/capability.h>
#include <sys/syscall.h>
#include <unistd.h>
/// Sets or clears `CAP_SYS_NICE` in the calling thread's effective capability set (Linux keeps
/// capabilities per thread; the permitted set is untouched, so a cleared bit can be set again).
/// Returns 1 when the bit was set before the call, 0 when it was clear, -1 when the kernel
/// refused (capget/capset) and nothing changed.
static inline int cffmpeg_set_sys_nice_effective(int enable) {
    struct __user_cap_header_struct header = { _LINUX_CAPABILITY_VERSION_3, 0 };
    struct __user_cap_data_struct data[_LINUX_CAPABILITY_U32S_3];
    if (syscall(SYS_capget, &header, data) != 0) return -1;
    const unsigned bit = 1u << (CAP_SYS_NICE % 32);
    const int word = CAP_SYS_NICE / 32;
    const int was = (data[word].effective & bit) != 0;
    if (was == (enable != 0)) return was;
    if (enable && !(data[word].permitted & bit)) return -1;
    data[word].effective = enable ? (data[word].effective | bit) : (data[word].effective & ~bit);
    if (syscall(SYS_capset, &header, data) != 0) return -1;
    return was;
}
#else
static inline int cffmpeg_set_sys_nice_effective(int enable) { (void)enable; return 0; }
#endif

#endif
