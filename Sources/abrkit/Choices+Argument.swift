import ABRFormats
import ABRSimulator
import ArgumentParser

// Format and model choices parse from their raw values on the command line.
extension TraceFormat: ExpressibleByArgument {}
extension VideoFormat: ExpressibleByArgument {}
extension QoEModel.Utility: ExpressibleByArgument {}
extension QoEPreset: ExpressibleByArgument {}
