/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.units;

/**
 * The SI prefixes (BIPM SI Brochure, 9th edition, 2022 revision), applied with {@link Unit#withPrefix} or
 * written in front of a prefixable unit's symbol when parsing ({@code "MeV"}, {@code "mbar"}, {@code "µs"}).
 */
public enum Prefix {
    /** 10^30. */
    QUETTA("Q", 30),
    /** 10^27. */
    RONNA("R", 27),
    /** 10^24. */
    YOTTA("Y", 24),
    /** 10^21. */
    ZETTA("Z", 21),
    /** 10^18. */
    EXA("E", 18),
    /** 10^15. */
    PETA("P", 15),
    /** 10^12. */
    TERA("T", 12),
    /** 10^9. */
    GIGA("G", 9),
    /** 10^6. */
    MEGA("M", 6),
    /** 10^3. */
    KILO("k", 3),
    /** 10^2. */
    HECTO("h", 2),
    /** 10^1. */
    DECA("da", 1),
    /** 10^-1. */
    DECI("d", -1),
    /** 10^-2. */
    CENTI("c", -2),
    /** 10^-3. */
    MILLI("m", -3),
    /** 10^-6; also parsed from {@code u}. */
    MICRO("µ", -6),
    /** 10^-9. */
    NANO("n", -9),
    /** 10^-12. */
    PICO("p", -12),
    /** 10^-15. */
    FEMTO("f", -15),
    /** 10^-18. */
    ATTO("a", -18),
    /** 10^-21. */
    ZEPTO("z", -21),
    /** 10^-24. */
    YOCTO("y", -24),
    /** 10^-27. */
    RONTO("r", -27),
    /** 10^-30. */
    QUECTO("q", -30);

    private final String symbol;
    private final int exponent;
    private final double factor;

    @SuppressWarnings("ImmutableEnumChecker") // Ratio is a record of four final primitives: immutable
    private final Ratio ratio;

    Prefix(String symbol, int exponent) {
        this.symbol = symbol;
        this.exponent = exponent;
        // Parsed from the decimal literal, so the factor is the double nearest to 10^exponent (Math.pow may be 1 ulp
        // off).
        this.factor = Double.parseDouble("1e" + exponent);
        // Exactly 10^exponent as a fraction (10^22 is the largest power of ten a double holds exactly).
        this.ratio = Ratio.parse("1e" + exponent);
    }

    Ratio ratio() {
        return ratio;
    }

    /**
     * The symbol written before the unit, e.g. {@code "k"}.
     *
     * @return the prefix symbol
     */
    public String symbol() {
        return symbol;
    }

    /**
     * The power of ten.
     *
     * @return the exponent, e.g. 3 for kilo
     */
    public int exponent() {
        return exponent;
    }

    /**
     * The multiplier, the double nearest to {@code 10^exponent}.
     *
     * @return the factor
     */
    public double factor() {
        return factor;
    }
}
