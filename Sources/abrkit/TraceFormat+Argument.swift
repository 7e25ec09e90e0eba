import ABRFormats
import ArgumentParser

extension TraceFormat: ExpressibleByArgument {}
