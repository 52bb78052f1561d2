/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.bench.support;

import java.nio.file.Path;

/**
 * What a suite's {@link Suite#extraRows} needs to know about the current run.
 *
 * @param quick        {@code true} in quick mode: keep external measurements short
 * @param outputDir    this run's results folder (suites may write extra files there)
 * @param measurements the JMH results collected so far
 */
public record RunContext(boolean quick, Path outputDir, Measurements measurements) {}
