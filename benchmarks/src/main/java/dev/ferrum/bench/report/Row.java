/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.bench.report;

/**
 * One line of the report.
 *
 * @param id            stable identifier, e.g. {@code queue.spsc.throughput.vs_abq}
 * @param suite         the suite that produced it
 * @param description   what was compared
 * @param ours          our score
 * @param oursError     its error half-width, or NaN
 * @param peerName      the peer, or {@code null} for an absolute-target row
 * @param peer          the peer's score, or NaN
 * @param unit          unit of both scores
 * @param ratio         how many times better ours is than the peer (above 1 = ours better, whichever
 *                      way the unit points); NaN for absolute rows
 * @param target        the ratio (or absolute value) asked for, NaN if informational
 * @param met           whether the target is met; {@code null} if there is no target
 * @param rust          the Rust document's figure, or {@code null}
 * @param oursBytesPerOp  heap B/op of ours ({@code -prof gc}), NaN if not measured
 * @param peerBytesPerOp  heap B/op of the peer, NaN if not measured
 * @param note          free text (e.g. why a peer could not run)
 */
public record Row(
        String id,
        String suite,
        String description,
        double ours,
        double oursError,
        String peerName,
        double peer,
        String unit,
        double ratio,
        double target,
        Boolean met,
        RustFigure rust,
        double oursBytesPerOp,
        double peerBytesPerOp,
        String note) {

    /** Ratio of ours over peer, oriented so that above 1 means ours is better. */
    public static double ratio(double ours, double peer, boolean higherIsBetter) {
        if (Double.isNaN(ours) || Double.isNaN(peer) || ours == 0 || peer == 0) {
            return Double.NaN;
        }
        return higherIsBetter ? ours / peer : peer / ours;
    }

    /**
     * Builds a row from two measured scores (ours against a peer), computing ratio and {@code met}.
     */
    public static Row compared(
            String id,
            String suite,
            String description,
            Score ours,
            String peerName,
            Score peer,
            double target,
            RustFigure rust,
            String note) {
        boolean higher = Score.higherIsBetter(ours.unit());
        double ratio = ratio(ours.value(), peer.value(), higher);
        Boolean met = Double.isNaN(target) || Double.isNaN(ratio) ? null : ratio >= target;
        return new Row(
                id,
                suite,
                description,
                ours.value(),
                ours.error(),
                peerName,
                peer.value(),
                ours.unit(),
                ratio,
                target,
                met,
                rust,
                ours.bytesPerOp(),
                peer.bytesPerOp(),
                note);
    }

    /**
     * Builds a row for one score against an absolute target in the unit's better direction
     * (at least {@code target} for rates, at most {@code target} for times per operation).
     */
    public static Row absolute(
            String id, String suite, String description, Score ours, double target, RustFigure rust, String note) {
        Boolean met = null;
        if (!Double.isNaN(target) && !Double.isNaN(ours.value())) {
            met = Score.higherIsBetter(ours.unit()) ? ours.value() >= target : ours.value() <= target;
        }
        return new Row(
                id,
                suite,
                description,
                ours.value(),
                ours.error(),
                null,
                Double.NaN,
                ours.unit(),
                Double.NaN,
                target,
                met,
                rust,
                ours.bytesPerOp(),
                Double.NaN,
                note);
    }

    /** A row that could not be measured, with the reason. */
    public static Row missing(String id, String suite, String description, String why) {
        return new Row(
                id,
                suite,
                description,
                Double.NaN,
                Double.NaN,
                null,
                Double.NaN,
                "",
                Double.NaN,
                Double.NaN,
                null,
                null,
                Double.NaN,
                Double.NaN,
                why);
    }
}
