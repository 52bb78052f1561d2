/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.bench.report;

/**
 * A report row the root README's module table quotes, with the label shown next to its number.
 *
 * @param rowId the row's id, e.g. {@code queue.spsc.throughput.vs_abq}
 * @param label the short label, e.g. "SPSC throughput"
 */
public record Headline(String rowId, String label) {}
