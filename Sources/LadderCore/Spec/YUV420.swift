/// The picture format of the pipeline: 8-bit YUV 4:2:0, whose chroma planes are half the luma
/// width and height, so every side must be even.
public enum YUV420 {
    /// Whether one side (width or height) can be a 4:2:0 picture's: positive and even.
    public static func fits(side: Int) -> Bool { side > 0 && side % 2 == 0 }

    /// Whether a `width × height` picture can be 4:2:0: both sides positive and even.
    public static func fits(width: Int, height: Int) -> Bool { fits(side: width) && fits(side: height) }
}
