#!/usr/bin/env bash
# Checks formatting against .swift-format with the toolchain's swift-format (CI runs it).
set -euo pipefail
cd "$(dirname "$0")/.."
exec swift format lint --strict --recursive Sources Tests Package.swift Benchmarks/Sources Benchmarks/Benchmarks Benchmarks/Package.swift Fuzz/Sources Fuzz/Package.swift
