/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.units;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Recursive-descent parser for {@code number unit-expression}. Grammar:
 * <pre>
 *   quantity := number [ expr ]
 *   expr     := term ( ( '·' | '*' | '/' | spaces ) term )*      ('/' divides by the next term only)
 *   term     := atom [ '^' integer | '²' | '³' ]
 *   atom     := symbol | '1' | '(' expr ')'
 * </pre>
 * A symbol is looked up exactly first ({@code "min"}, {@code "cd"}, {@code "kg"}), then as an SI prefix followed
 * by a prefixable unit ({@code "MeV"}, {@code "mbar"}). Errors carry the index of the offending character.
 */
final class UnitParser {

    private static final Pattern NUMBER =
            Pattern.compile("[+-]?(?:NaN|Infinity|(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][+-]?\\d+)?)");
    private static final Map<String, Unit<?>> SYMBOLS = new HashMap<>();
    private static final List<Prefix> PREFIXES_LONGEST_FIRST = Stream.of(Prefix.values())
            .sorted(Comparator.comparingInt((Prefix p) -> p.symbol().length()).reversed())
            .toList();

    static {
        for (Unit<?> u : Catalog.UNITS) {
            if (!u.symbol().isEmpty()) {
                SYMBOLS.put(u.symbol(), u);
            }
        }
        for (Object[] alternate : Catalog.ALTERNATES) {
            SYMBOLS.put((String) alternate[0], (Unit<?>) alternate[1]);
        }
    }

    private final String input;
    private int pos;

    private UnitParser(String input, int start) {
        this.input = input;
        this.pos = start;
    }

    static Quantity parseQuantity(String text) {
        Matcher m = NUMBER.matcher(text);
        int start = skipSpaces(text, 0);
        if (!m.region(start, text.length()).lookingAt()) {
            throw new UnitParseException("expected a number", text, start);
        }
        double value = Double.parseDouble(m.group());
        UnitParser p = new UnitParser(text, m.end());
        p.skipSpaces();
        if (p.atEnd()) {
            return Quantity.ofSi(value, Dimension.NONE);
        }
        Term unit = p.expression();
        p.expectEnd();
        return Quantity.ofSi(value * unit.factor, unit.dimension);
    }

    static Unit<Quantity> parseUnit(String text) {
        UnitParser p = new UnitParser(text, 0);
        p.skipSpaces();
        if (p.atEnd()) {
            throw new UnitParseException("expected a unit", text, p.pos);
        }
        Term t = p.expression();
        p.expectEnd();
        return Unit.compound(text.strip(), t.dimension, t.factor);
    }

    /** A partial result: the dimension and SI factor of the expression parsed so far. */
    private record Term(Dimension dimension, double factor) {
        Term times(Term o) {
            return new Term(dimension.times(o.dimension), factor * o.factor);
        }

        Term div(Term o) {
            return new Term(dimension.div(o.dimension), factor / o.factor);
        }

        Term pow(int n) {
            return new Term(dimension.pow(n), Math.pow(factor, n));
        }
    }

    private Term expression() {
        Term result = term();
        while (true) {
            int before = pos;
            skipSpaces();
            if (atEnd() || peek() == ')') {
                pos = before;
                skipSpaces();
                return result;
            }
            char c = peek();
            if (c == '·' || c == '*') {
                pos++;
                skipSpaces();
                result = result.times(term());
            } else if (c == '/') {
                pos++;
                skipSpaces();
                result = result.div(term());
            } else if (pos > before) {
                result = result.times(term());
            } else {
                throw new UnitParseException("unexpected '" + c + "'", input, pos);
            }
        }
    }

    private Term term() {
        Term atom = atom();
        if (atEnd()) {
            return atom;
        }
        char c = peek();
        if (c == '²') {
            pos++;
            return atom.pow(2);
        }
        if (c == '³') {
            pos++;
            return atom.pow(3);
        }
        if (c == '^') {
            pos++;
            int start = pos;
            if (!atEnd() && (peek() == '-' || peek() == '+')) {
                pos++;
            }
            while (!atEnd() && Character.isDigit(peek())) {
                pos++;
            }
            String digits = input.substring(start, pos);
            try {
                int n = Integer.parseInt(digits);
                if (Math.abs(n) > 99) {
                    throw new UnitParseException("exponent " + n + " out of range", input, start);
                }
                return atom.pow(n);
            } catch (NumberFormatException e) {
                throw new UnitParseException("expected an integer exponent after '^'", input, start);
            }
        }
        return atom;
    }

    private Term atom() {
        if (atEnd()) {
            throw new UnitParseException("expected a unit", input, pos);
        }
        char c = peek();
        if (c == '(') {
            int open = pos;
            pos++;
            skipSpaces();
            Term inner = expression();
            if (atEnd() || peek() != ')') {
                throw new UnitParseException("unclosed '('", input, open);
            }
            pos++;
            return inner;
        }
        if (c == '1') {
            pos++;
            return new Term(Dimension.NONE, 1.0);
        }
        int start = pos;
        while (!atEnd() && isSymbolChar(peek(), pos == start)) {
            pos++;
        }
        if (pos == start) {
            throw new UnitParseException("expected a unit symbol, found '" + c + "'", input, pos);
        }
        String symbol = input.substring(start, pos);
        Unit<?> unit = lookup(symbol);
        if (unit == null) {
            throw new UnitParseException("unknown unit '" + symbol + "'", input, start);
        }
        return new Term(unit.dimension(), unit.factor());
    }

    private static Unit<?> lookup(String symbol) {
        Unit<?> exact = SYMBOLS.get(symbol);
        if (exact != null) {
            return exact;
        }
        for (Prefix p : PREFIXES_LONGEST_FIRST) {
            String ps = p.symbol();
            String rest = null;
            if (symbol.startsWith(ps)) {
                rest = symbol.substring(ps.length());
            } else if (p == Prefix.MICRO && symbol.startsWith("u")) {
                rest = symbol.substring(1);
            }
            if (rest != null && !rest.isEmpty()) {
                Unit<?> base = SYMBOLS.get(rest);
                if (base != null && base.isPrefixable()) {
                    return base.withPrefix(p);
                }
            }
        }
        return null;
    }

    private static boolean isSymbolChar(char c, boolean first) {
        if (Character.isWhitespace(c) || "·*/^()²³+-".indexOf(c) >= 0) {
            return false;
        }
        return !first || !Character.isDigit(c);
    }

    private void expectEnd() {
        skipSpaces();
        if (!atEnd()) {
            throw new UnitParseException("unexpected '" + peek() + "'", input, pos);
        }
    }

    private boolean atEnd() {
        return pos >= input.length();
    }

    private char peek() {
        return input.charAt(pos);
    }

    private void skipSpaces() {
        pos = skipSpaces(input, pos);
    }

    private static int skipSpaces(String s, int i) {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }
}
