/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.units;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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
 * A symbol is looked up exactly first ({@code "min"}, {@code "cd"}, {@code "kg"}, then symbols added with
 * {@link Unit#register}), then as an SI prefix followed by a prefixable unit ({@code "MeV"}, {@code "mbar"}).
 *
 * <p>Temperature: a number followed by nothing but {@code °C}/{@code degC} or {@code °F}/{@code degF} is a
 * thermometer reading (a point: {@code "25 °C"} is 298.15 K); a difference is written explicitly,
 * {@code Δ°C}/{@code delta_degC} (or K). Inside a compound expression the scale symbols are an error that says
 * so, since a point cannot be multiplied.
 *
 * <p>Errors are {@link UnitParseException}s with the index of the offending character, including exponents that
 * leave ±{@value Dimension#MAX_EXPONENT}, factors that overflow a double, and a lone {@code °} followed by a space
 * ({@code "1 ° C"} is ambiguous between a temperature and degree × coulomb).
 */
final class UnitParser {

    private static final Pattern NUMBER =
            Pattern.compile("[+-]?(?:NaN|Infinity|(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][+-]?\\d+)?)");
    private static final Map<String, Unit<?>> SYMBOLS = new ConcurrentHashMap<>();
    /** The affine scales a lone symbol after a number reads as a point. */
    private static final Map<String, TemperatureScale> POINT_SCALES = Map.of(
            "°C", TemperatureScale.CELSIUS,
            "degC", TemperatureScale.CELSIUS,
            "°F", TemperatureScale.FAHRENHEIT,
            "degF", TemperatureScale.FAHRENHEIT);

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
    /** Where the last unit symbol started (for the lone-'°' check). */
    private int lastSymbolStart = -1;

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
        TemperatureScale scale = POINT_SCALES.get(text.substring(p.pos).strip());
        if (scale != null) {
            // A thermometer reading: the absolute temperature of that point, exact for the defined points.
            return Quantity.ofSi(scale.toKelvin(value), Temperature.KIND.dimension());
        }
        Term unit = p.expression();
        p.expectEnd();
        return Quantity.ofSi(unit.ratio.toSi(value), unit.dimension);
    }

    static Unit<Quantity> parseUnit(String text) {
        UnitParser p = new UnitParser(text, 0);
        p.skipSpaces();
        if (p.atEnd()) {
            throw new UnitParseException("expected a unit", text, p.pos);
        }
        Term t = p.expression();
        p.expectEnd();
        return Unit.compound(text.strip(), t.dimension, t.ratio);
    }

    static void register(Unit<?> unit) {
        String symbol = unit.symbol();
        if (!isSymbol(symbol)) {
            throw new IllegalArgumentException("cannot register '" + symbol + "': not a single unit symbol");
        }
        // Validate everything before publishing, so a refused symbol is never visible to a concurrent parse.
        if (POINT_SCALES.containsKey(symbol)) {
            throw new IllegalArgumentException("symbol '" + symbol + "' already reads as a temperature scale");
        }
        Unit<?> prefixed = SYMBOLS.containsKey(symbol) ? null : lookupPrefixed(symbol);
        if (prefixed != null) {
            throw new IllegalArgumentException("symbol '" + symbol + "' already reads as " + describe(prefixed));
        }
        Unit<?> existing = SYMBOLS.putIfAbsent(symbol, unit);
        if (existing != null && !existing.equals(unit)) {
            throw new IllegalArgumentException("symbol '" + symbol + "' already names " + describe(existing));
        }
    }

    private static String describe(Unit<?> u) {
        return u.symbol() + " (" + u.kind().name() + ", " + u.factor() + " SI)";
    }

    static boolean isSymbol(String symbol) {
        if (symbol.isEmpty()) {
            return false;
        }
        for (int i = 0; i < symbol.length(); i++) {
            if (!isSymbolChar(symbol.charAt(i), i == 0)) {
                return false;
            }
        }
        return true;
    }

    /** A partial result: the dimension and SI factor of the expression parsed so far. */
    private record Term(Dimension dimension, Ratio ratio) {}

    /** Combines two terms, turning exponent or factor overflow into an error at {@code at}. */
    private Term combine(Term a, Term b, boolean divide, int at) {
        try {
            Dimension d = divide ? a.dimension.div(b.dimension) : a.dimension.times(b.dimension);
            return checked(new Term(d, divide ? a.ratio.div(b.ratio) : a.ratio.times(b.ratio)), at);
        } catch (ArithmeticException e) {
            throw new UnitParseException(e.getMessage(), input, at);
        }
    }

    private Term power(Term a, int n, int at) {
        try {
            return checked(new Term(a.dimension.pow(n), a.ratio.pow(n)), at);
        } catch (ArithmeticException e) {
            throw new UnitParseException(e.getMessage(), input, at);
        }
    }

    private Term checked(Term t, int at) {
        double f = t.ratio.value();
        if (!(f > 0) || Double.isInfinite(f)) {
            throw new UnitParseException(
                    "unit factor " + (f > 0 ? "overflows" : "underflows") + " a double (" + f + ")", input, at);
        }
        return t;
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
            int at = pos;
            if (c == '·' || c == '*') {
                pos++;
                skipSpaces();
                result = combine(result, term(), false, at);
            } else if (c == '/') {
                pos++;
                skipSpaces();
                result = combine(result, term(), true, at);
            } else if (pos > before) {
                if (before > 0 && input.charAt(before - 1) == '°' && lastSymbolStart == before - 1) {
                    throw new UnitParseException(
                            "'°' followed by a space is ambiguous: write °C or °F (no space) for a temperature, or"
                                    + " °·" + input.substring(pos, Math.min(input.length(), pos + 1))
                                    + " for a product with the degree of angle",
                            input,
                            before - 1);
                }
                result = combine(result, term(), false, at);
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
            return power(atom, 2, pos - 1);
        }
        if (c == '³') {
            pos++;
            return power(atom, 3, pos - 1);
        }
        if (c == '^') {
            int caret = pos;
            pos++;
            int start = pos;
            if (!atEnd() && (peek() == '-' || peek() == '+')) {
                pos++;
            }
            while (!atEnd() && Character.isDigit(peek())) {
                pos++;
            }
            String digits = input.substring(start, pos);
            int n;
            try {
                n = Integer.parseInt(digits);
            } catch (NumberFormatException e) {
                throw new UnitParseException("expected an integer exponent after '^'", input, start);
            }
            if (Math.abs(n) > Dimension.MAX_EXPONENT) {
                throw new UnitParseException("exponent " + n + " out of range", input, start);
            }
            return power(atom, n, caret);
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
            return new Term(Dimension.NONE, Ratio.ONE);
        }
        int start = pos;
        while (!atEnd() && isSymbolChar(peek(), pos == start)) {
            pos++;
        }
        if (pos == start) {
            throw new UnitParseException("expected a unit symbol, found '" + c + "'", input, pos);
        }
        lastSymbolStart = start;
        String symbol = input.substring(start, pos);
        if (POINT_SCALES.containsKey(symbol)) {
            throw new UnitParseException(
                    symbol + " is a temperature scale (a point: 0 °C is 273.15 K), which cannot be part of a unit"
                            + " expression; for a difference of one degree write Δ" + symbol.replace("deg", "°")
                            + " (or delta_" + symbol.replace("°", "deg") + "), or use K",
                    input,
                    start);
        }
        Unit<?> unit = lookup(symbol);
        if (unit == null) {
            throw new UnitParseException("unknown unit '" + symbol + "'", input, start);
        }
        return new Term(unit.dimension(), unit.ratio());
    }

    private static Unit<?> lookup(String symbol) {
        Unit<?> exact = SYMBOLS.get(symbol);
        if (exact != null) {
            return exact;
        }
        return lookupPrefixed(symbol);
    }

    private static Unit<?> lookupPrefixed(String symbol) {
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
