/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.bench.report;

import java.util.Locale;

/**
 * Whether a row meets its target, judged on the interval and not only on the point estimate.
 *
 * <p>{@link #YES} when the whole interval is on the good side of the target, {@link #NO} when the whole interval
 * is on the bad side, {@link #NOISE} when it straddles the target: this run cannot tell. A row whose interval is
 * unknown is judged on its point estimate alone (yes or no).
 */
public enum Verdict {
    YES,
    NO,
    NOISE;

    /** As written in report.json: {@code "yes"}, {@code "no"}, {@code "noise"}. */
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Reads report.json's {@code met}: the three strings, or a boolean from a report written before
     * verdicts had three values.
     */
    public static Verdict fromJson(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "yes", "true" -> YES;
            case "no", "false" -> NO;
            case "noise" -> NOISE;
            default -> throw new IllegalArgumentException("met must be yes, no or noise, not '" + text + "'");
        };
    }

    /** From a yes/no decision; {@code null} stays {@code null} (no target). */
    public static Verdict of(Boolean met) {
        return met == null ? null : met ? YES : NO;
    }

    /**
     * Judges a value that should be at least {@code target} (a ratio, or a rate), given its interval.
     *
     * @return {@code null} when there is no target or no value
     */
    public static Verdict atLeast(double target, double value, double lo, double hi) {
        if (Double.isNaN(target) || Double.isNaN(value)) {
            return null;
        }
        if (Double.isNaN(lo) || Double.isNaN(hi)) {
            return value >= target ? YES : NO;
        }
        if (lo >= target) {
            return YES;
        }
        return hi < target ? NO : NOISE;
    }

    /** Judges a value that should be at most {@code target} (a time per operation), given its interval. */
    public static Verdict atMost(double target, double value, double lo, double hi) {
        if (Double.isNaN(target) || Double.isNaN(value)) {
            return null;
        }
        if (Double.isNaN(lo) || Double.isNaN(hi)) {
            return value <= target ? YES : NO;
        }
        if (hi <= target) {
            return YES;
        }
        return lo > target ? NO : NOISE;
    }
}
