/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.units;

/**
 * Thrown when text is not a number followed by a unit expression the parser knows, with the position:
 * {@code unknown unit 'mpg' at index 5 in "12.5 mpg"}.
 */
public final class UnitParseException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** The text that failed to parse. */
    private final String input;
    /** Index in {@link #input()} where the problem was found. */
    private final int index;

    /**
     * Creates the exception.
     *
     * @param problem what is wrong, without the position
     * @param input   the whole input
     * @param index   where in it the problem is
     */
    public UnitParseException(String problem, String input, int index) {
        super(problem + " at index " + index + " in \"" + input + "\"");
        this.input = input;
        this.index = index;
    }

    /**
     * The text that failed to parse.
     *
     * @return the input
     */
    public String input() {
        return input;
    }

    /**
     * Where in the input the problem was found.
     *
     * @return a character index
     */
    public int index() {
        return index;
    }
}
