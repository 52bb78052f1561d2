/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.bench.report;

/**
 * One line of the report: our score, the peer's, their ratio, each with its interval, and the verdict.
 *
 * <p>Intervals: see {@link Score}. The ratio's interval is the widest ratio the two score intervals allow
 * (best of ours against worst of the peer's, and the reverse), so a verdict of {@link Verdict#YES} holds
 * wherever in their intervals both true scores lie.
 *
 * @param id             stable identifier, e.g. {@code queue.spsc.throughput.vs_abq}
 * @param suite          the suite that produced it
 * @param description    what was compared
 * @param ours           our score
 * @param oursLo         lower end of our score's interval, or NaN
 * @param oursHi         upper end of our score's interval, or NaN
 * @param peerName       the peer, or {@code null} for an absolute-target row
 * @param peer           the peer's score, or NaN
 * @param peerLo         lower end of the peer's interval, or NaN
 * @param peerHi         upper end of the peer's interval, or NaN
 * @param unit           unit of both scores
 * @param ratio          how many times better ours is than the peer (above 1 = ours better, whichever
 *                       way the unit points); NaN for absolute rows
 * @param ratioLo        lower end of the ratio's interval, NaN when unknown
 * @param ratioHi        upper end of the ratio's interval, NaN when unknown
 * @param target         the ratio (or absolute value) asked for, NaN if informational
 * @param met            the verdict; {@code null} if there is no target
 * @param rust           the Rust document's figure, or {@code null}
 * @param oursBytesPerOp heap B/op of ours ({@code -prof gc}), NaN if not measured
 * @param peerBytesPerOp heap B/op of the peer, NaN if not measured
 * @param note           free text (e.g. why a peer could not run)
 */
public record Row(
        String id,
        String suite,
        String description,
        double ours,
        double oursLo,
        double oursHi,
        String peerName,
        double peer,
        double peerLo,
        double peerHi,
        String unit,
        double ratio,
        double ratioLo,
        double ratioHi,
        double target,
        Verdict met,
        RustFigure rust,
        double oursBytesPerOp,
        double peerBytesPerOp,
        String note) {

    /**
     * A row without a peer interval, as suites build rows that they judge themselves (e.g. heap bytes per
     * element against "none"); {@code oursError} is a symmetric half-width or NaN.
     */
    public Row(
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
        this(
                id,
                suite,
                description,
                ours,
                ours - oursError,
                ours + oursError,
                peerName,
                peer,
                Double.NaN,
                Double.NaN,
                unit,
                ratio,
                Double.NaN,
                Double.NaN,
                target,
                Verdict.of(met),
                rust,
                oursBytesPerOp,
                peerBytesPerOp,
                note);
    }

    /** Half the width of our score's interval, or NaN. */
    public double oursError() {
        return (oursHi - oursLo) / 2;
    }

    /** Ratio of ours over peer, oriented so that above 1 means ours is better. */
    public static double ratio(double ours, double peer, boolean higherIsBetter) {
        if (Double.isNaN(ours) || Double.isNaN(peer) || ours == 0 || peer == 0) {
            return Double.NaN;
        }
        return higherIsBetter ? ours / peer : peer / ours;
    }

    /**
     * The interval of the ratio given the two scores' intervals: {@code [lo, hi]}, NaN where unknown. A score
     * interval that reaches down to zero leaves the ratio unbounded on that side ({@code +Infinity} above,
     * 0 below).
     */
    public static double[] ratioInterval(Score ours, Score peer, boolean higherIsBetter) {
        if (!ours.hasInterval() || !peer.hasInterval()) {
            return new double[] {Double.NaN, Double.NaN};
        }
        // ours better when higher: ours/peer, smallest with ours low and peer high
        Score num = higherIsBetter ? ours : peer;
        Score den = higherIsBetter ? peer : ours;
        double lo = den.hi() <= 0 ? Double.NaN : Math.max(0, num.lo()) / den.hi();
        double hi = den.lo() <= 0 ? Double.POSITIVE_INFINITY : num.hi() / den.lo();
        return new double[] {lo, hi};
    }

    /**
     * Builds a row from two measured scores (ours against a peer), computing the ratio, its interval and
     * the verdict.
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
        double[] interval =
                Double.isNaN(ratio) ? new double[] {Double.NaN, Double.NaN} : ratioInterval(ours, peer, higher);
        return new Row(
                id,
                suite,
                description,
                ours.value(),
                ours.lo(),
                ours.hi(),
                peerName,
                peer.value(),
                peer.lo(),
                peer.hi(),
                ours.unit(),
                ratio,
                interval[0],
                interval[1],
                target,
                Verdict.atLeast(target, ratio, interval[0], interval[1]),
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
        Verdict met = Score.higherIsBetter(ours.unit())
                ? Verdict.atLeast(target, ours.value(), ours.lo(), ours.hi())
                : Verdict.atMost(target, ours.value(), ours.lo(), ours.hi());
        return new Row(
                id,
                suite,
                description,
                ours.value(),
                ours.lo(),
                ours.hi(),
                null,
                Double.NaN,
                Double.NaN,
                Double.NaN,
                ours.unit(),
                Double.NaN,
                Double.NaN,
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
