package dev.ferrum.units.build;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The build-time half of Ferrum Units: reads {@code src/main/dimensions/dimensions.txt} and writes the typed
 * quantity classes, {@code Units}, {@code Measure} and {@code Catalog} into {@code target/generated-sources/units}.
 *
 * <p>This is the Java counterpart of the Rust crate's macro/typenum machinery: Rust computes
 * {@code Unit<L1+L2, M1+M2, ...>} in the trait solver at every use site; Java has no type-level integers, so
 * this program does the exponent arithmetic once, for every pair of listed kinds, and emits a
 * {@code times}/{@code div} overload wherever the result is a listed kind. javac then checks uses by ordinary
 * overload resolution.
 *
 * <p>Run by Maven ({@code exec-maven-plugin}, source-launcher mode, no compilation step):
 * {@code java QuantityGenerator.java <dimensions.txt> <output-dir>}. It rewrites a file only when its content
 * changes, so incremental compilation stays incremental. A malformed description fails the build with the
 * line number.
 */
public final class QuantityGenerator {

    private static final String PACKAGE = "dev.ferrum.units";
    private static final String[] BASE_NAMES = {"L", "M", "T", "I", "Θ", "N", "J", "A"};
    /** Base exponents per kind: the seven SI ones and plane angle (the radian). */
    private static final int BASES = 8;
    private static final int ANGLE = 7;

    /** One kind of quantity: a primary dimension or an alias of one. */
    record KindDef(String name, int[] exponents, String symbol, String aliasOf, int line) {
        boolean primary() {
            return aliasOf == null;
        }

        String key() {
            return Arrays.toString(exponents);
        }
    }

    /** One named unit. */
    record UnitDef(String constant, String kind, String symbol, String factorText, double factor,
                   BigInteger[] fraction, boolean prefixable, String factory, List<String> alternates, int line) {
    }

    private final Map<String, KindDef> kinds = new LinkedHashMap<>();
    private final Map<String, KindDef> primaryByExponents = new LinkedHashMap<>();
    private final List<UnitDef> units = new ArrayList<>();

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: QuantityGenerator <dimensions.txt> <output-dir>");
        }
        Path input = Path.of(args[0]);
        Path out = Path.of(args[1]).resolve(PACKAGE.replace('.', '/'));
        QuantityGenerator generator = new QuantityGenerator();
        generator.read(input);
        Files.createDirectories(out);
        int written = generator.write(out);
        System.out.printf("QuantityGenerator: %d kinds, %d units from %s -> %s (%d files changed)%n",
                generator.kinds.size(), generator.units.size(), input, out, written);
    }

    // ---------------------------------------------------------------- reading

    void read(Path input) throws IOException {
        List<String> lines = Files.readAllLines(input, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\\s+");
            int lineNo = i + 1;
            switch (f[0]) {
                case "dimension" -> dimension(f, lineNo, input);
                case "alias" -> alias(f, lineNo, input);
                case "unit" -> unit(f, lineNo, input);
                default -> throw error(input, lineNo, "unknown directive '" + f[0] + "'");
            }
        }
        if (!kinds.containsKey("Dimensionless")) {
            throw error(input, 0, "the description must declare Dimensionless (all exponents 0)");
        }
    }

    private void dimension(String[] f, int line, Path input) {
        if (f.length != 10 && f.length != 11) {
            throw error(input, line, "expected 'dimension NAME L M T I Θ N J [A] SYMBOL', got " + f.length + " fields");
        }
        String name = checkName(f[1], line, input);
        int given = f.length - 3;
        int[] exponents = new int[BASES];
        for (int k = 0; k < given; k++) {
            try {
                exponents[k] = Integer.parseInt(f[2 + k]);
            } catch (NumberFormatException e) {
                throw error(input, line, "exponent " + BASE_NAMES[k] + " of " + name + " is not an integer: " + f[2 + k]);
            }
        }
        KindDef kind = new KindDef(name, exponents, symbol(f[f.length - 1]), null, line);
        KindDef clash = primaryByExponents.putIfAbsent(kind.key(), kind);
        if (clash != null) {
            throw error(input, line, name + " has the same exponents as " + clash.name() + " (line " + clash.line()
                    + "): the product table would have two answers; declare one as 'alias'");
        }
        kinds.put(name, kind);
    }

    private void alias(String[] f, int line, Path input) {
        if (f.length != 4) {
            throw error(input, line, "expected 'alias NAME OF SYMBOL'");
        }
        String name = checkName(f[1], line, input);
        KindDef of = kinds.get(f[2]);
        if (of == null || !of.primary()) {
            throw error(input, line, "alias " + name + " refers to " + f[2] + ", which is not a dimension declared above");
        }
        kinds.put(name, new KindDef(name, of.exponents(), symbol(f[3]), of.name(), line));
    }

    private void unit(String[] f, int line, Path input) {
        if (f.length < 5) {
            throw error(input, line, "expected 'unit CONSTANT KIND SYMBOL FACTOR [options]'");
        }
        if (!f[1].matches("[A-Z][A-Z0-9_]*")) {
            throw error(input, line, "unit constant must be UPPER_SNAKE_CASE: " + f[1]);
        }
        if (!kinds.containsKey(f[2])) {
            throw error(input, line, "unit " + f[1] + " has unknown kind " + f[2]);
        }
        double factor;
        BigInteger[] fraction;
        try {
            fraction = fraction(f[4]);
            factor = new BigDecimal(fraction[0]).divide(new BigDecimal(fraction[1]), new java.math.MathContext(40))
                    .doubleValue();
        } catch (NumberFormatException | ArithmeticException e) {
            throw error(input, line, "factor of " + f[1] + " is not a number or fraction: " + f[4]);
        }
        if (!(factor > 0) || Double.isInfinite(factor)) {
            throw error(input, line, "factor of " + f[1] + " must be positive and finite: " + f[4]);
        }
        boolean prefixable = false;
        String factory = null;
        List<String> alternates = new ArrayList<>();
        for (int k = 5; k < f.length; k++) {
            if (f[k].equals("prefixable")) {
                prefixable = true;
            } else if (f[k].startsWith("factory=")) {
                factory = f[k].substring("factory=".length());
            } else if (f[k].startsWith("alt=")) {
                alternates.addAll(List.of(f[k].substring("alt=".length()).split(",")));
            } else {
                throw error(input, line, "unknown unit option '" + f[k] + "'");
            }
        }
        String symbol = symbol(f[3]);
        for (UnitDef other : units) {
            if (other.constant().equals(f[1])) {
                throw error(input, line, "unit constant " + f[1] + " already declared on line " + other.line());
            }
            List<String> mine = new ArrayList<>(alternates);
            mine.add(symbol);
            for (String s : mine) {
                if (!s.isEmpty() && (s.equals(other.symbol()) || other.alternates().contains(s))) {
                    throw error(input, line, "symbol '" + s + "' already names " + other.constant());
                }
            }
        }
        units.add(new UnitDef(f[1], f[2], symbol, f[4], factor, fraction, prefixable, factory, List.copyOf(alternates),
                line));
    }

    /** A decimal ({@code 0.0254}, {@code 1e3}) or fraction ({@code 5/9}) as {numerator, denominator}, in lowest terms. */
    static BigInteger[] fraction(String text) {
        int slash = text.indexOf('/');
        BigInteger[] r;
        if (slash >= 0) {
            BigInteger[] n = decimal(text.substring(0, slash));
            BigInteger[] d = decimal(text.substring(slash + 1));
            r = new BigInteger[] {n[0].multiply(d[1]), n[1].multiply(d[0])};
        } else {
            r = decimal(text);
        }
        BigInteger g = r[0].gcd(r[1]);
        if (g.signum() == 0) {
            throw new ArithmeticException("zero");
        }
        return new BigInteger[] {r[0].divide(g), r[1].divide(g)};
    }

    private static BigInteger[] decimal(String text) {
        BigDecimal b = new BigDecimal(text).stripTrailingZeros();
        if (b.scale() <= 0) {
            return new BigInteger[] {b.toBigIntegerExact(), BigInteger.ONE};
        }
        return new BigInteger[] {b.unscaledValue(), BigInteger.TEN.pow(b.scale())};
    }

    private static final BigInteger MAX_EXACT = BigInteger.ONE.shiftLeft(53);

    /** The Java expression converting {@code value} of a unit to SI: an exact fraction when both parts fit 53 bits. */
    private static String toSiExpression(UnitDef u) {
        BigInteger[] q = u.fraction();
        boolean exact = q[0].compareTo(MAX_EXACT) <= 0 && q[1].compareTo(MAX_EXACT) <= 0;
        if (!exact) {
            return "value * " + u.factor();
        }
        if (q[1].equals(BigInteger.ONE)) {
            return q[0].equals(BigInteger.ONE) ? "value" : "value * " + q[0].doubleValue();
        }
        return "value * " + q[0].doubleValue() + " / " + q[1].doubleValue();
    }

    private String checkName(String name, int line, Path input) {
        if (!name.matches("[A-Z][A-Za-z0-9]*")) {
            throw error(input, line, "kind name must be a Java class name: " + name);
        }
        if (kinds.containsKey(name) || name.equals("Quantity") || name.equals("Unit") || name.equals("Units")) {
            throw error(input, line, "kind name already used: " + name);
        }
        return name;
    }

    private static String symbol(String field) {
        return field.equals("-") ? "" : field;
    }

    private static IllegalArgumentException error(Path input, int line, String message) {
        return new IllegalArgumentException(input + ":" + line + ": " + message);
    }

    // ---------------------------------------------------------------- writing

    int write(Path out) throws IOException {
        int changed = 0;
        for (KindDef kind : kinds.values()) {
            changed += writeIfChanged(out.resolve(kind.name() + ".java"), kindClass(kind));
        }
        changed += writeIfChanged(out.resolve("Units.java"), unitsClass());
        changed += writeIfChanged(out.resolve("Measure.java"), measureInterface());
        changed += writeIfChanged(out.resolve("Catalog.java"), catalogClass());
        return changed;
    }

    private static int writeIfChanged(Path file, String content) throws IOException {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        if (Files.exists(file) && Arrays.equals(Files.readAllBytes(file), bytes)) {
            return 0;
        }
        Files.write(file, bytes);
        return 1;
    }

    private static String header() {
        return "// GENERATED by dev.ferrum.units.build.QuantityGenerator from src/main/dimensions/dimensions.txt.\n"
                + "// Do not edit: change the description and rebuild.\n"
                + "package " + PACKAGE + ";\n\n";
    }

    private static String dimensionExpr(int[] e) {
        return "Dimension.of(" + e[0] + ", " + e[1] + ", " + e[2] + ", " + e[3] + ", " + e[4] + ", " + e[5] + ", " + e[6]
                + ", " + e[7] + ")";
    }

    private static String dimensionText(int[] e) {
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < BASES; k++) {
            if (e[k] != 0) {
                if (!sb.isEmpty()) {
                    sb.append('·');
                }
                sb.append(BASE_NAMES[k]);
                if (e[k] != 1) {
                    sb.append('^').append(e[k]);
                }
            }
        }
        return sb.isEmpty() ? "1" : sb.toString();
    }

    private static String html(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String literal(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20 || c > 0x7e) {
                sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.append('"').toString();
    }

    private static int[] combine(int[] a, int[] b, int sign) {
        int[] r = new int[BASES];
        for (int k = 0; k < BASES; k++) {
            r[k] = a[k] + sign * b[k];
        }
        return r;
    }

    private static int[] scale(int[] a, int numerator, int denominator) {
        int[] r = new int[BASES];
        for (int k = 0; k < BASES; k++) {
            if ((a[k] * numerator) % denominator != 0) {
                return null;
            }
            r[k] = a[k] * numerator / denominator;
        }
        return r;
    }

    private KindDef primary(int[] exponents) {
        return exponents == null ? null : primaryByExponents.get(Arrays.toString(exponents));
    }

    /**
     * The kind of a product or quotient: the primary kind with exactly these exponents; failing that, if the angle
     * exponent is not zero, the kind without it. SI counts the radian as m/m = 1, so an angle factor that no kind
     * accounts for is a ratio (radius × angle = arc length, torque × angle = work); one a kind does account for
     * is kept (angle / time = angular velocity, never frequency). {@code Kind.accepts} applies the same rule at
     * run time.
     */
    private KindDef resultKind(int[] exponents) {
        KindDef exact = primary(exponents);
        if (exact != null || exponents[ANGLE] == 0) {
            return exact;
        }
        int[] withoutAngle = exponents.clone();
        withoutAngle[ANGLE] = 0;
        return primary(withoutAngle);
    }

    private static boolean isAngle(int[] e) {
        for (int k = 0; k < BASES; k++) {
            if (e[k] != (k == ANGLE ? 1 : 0)) {
                return false;
            }
        }
        return true;
    }

    private static String lowerFirst(String s) {
        return Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

    private String kindClass(KindDef k) {
        String n = k.name();
        String sym = k.symbol();
        String dimText = dimensionText(k.exponents());
        StringBuilder s = new StringBuilder(header());
        s.append("/**\n");
        s.append(" * A ").append(k.primary() ? "" : "distinct ").append("quantity of kind {@code ").append(n)
                .append("}, dimension {@code ").append(html(dimText)).append("}")
                .append(sym.isEmpty() ? "" : ", coherent SI unit {@code " + html(sym) + "}").append(".\n");
        if (!k.primary()) {
            s.append(" *\n * <p>Same exponents as {@link ").append(k.aliasOf()).append("} but a different type: it is an operand of\n")
                    .append(" * {@code times}/{@code div} but never their result; convert explicitly with\n")
                    .append(" * {@code ").append(n).append(".from(").append(lowerFirst(k.aliasOf())).append(")}.\n");
        }
        s.append(" *\n");
        s.append(" * <p>Holds one {@code double} in the coherent SI unit; every operation is a single floating-point\n");
        s.append(" * operation on it, and the JIT's escape analysis removes the wrapper where the value does not escape\n");
        s.append(" * (see the module README for the measured cost and the patterns where it cannot). Immutable and\n");
        s.append(" * thread-safe; value-based: compare with {@link #equals} or {@link #compareTo}, never {@code ==}.\n");
        s.append(" *\n * <p>Generated from {@code dimensions.txt}; see {@link Measure} for the common contract.\n */\n");
        s.append("public final class ").append(n).append(" implements Measure, Comparable<").append(n).append("> {\n\n");
        s.append("    /** The kind: name, dimension {@code ").append(html(dimText)).append("} and coherent unit symbol. */\n");
        s.append("    public static final Kind<").append(n).append("> KIND = new Kind<>(").append(literal(n)).append(", ")
                .append(dimensionExpr(k.exponents())).append(", ").append(literal(sym)).append(", ").append(k.primary())
                .append(", ").append(n).append("::ofSi);\n\n");
        s.append("    /** Zero. */\n    public static final ").append(n).append(" ZERO = new ").append(n).append("(0.0);\n\n");
        s.append("    private final double si;\n\n");
        s.append("    private ").append(n).append("(double si) {\n        this.si = si;\n    }\n\n");

        // construction
        s.append("    /**\n     * The quantity whose value in the coherent SI unit").append(sym.isEmpty() ? "" : " ({@code " + html(sym) + "})")
                .append(" is {@code si}.\n     *\n     * @param si the value in the coherent SI unit\n     * @return the quantity\n     */\n");
        s.append("    public static ").append(n).append(" ofSi(double si) {\n        return new ").append(n).append("(si);\n    }\n\n");
        s.append("    /**\n     * {@code value} of {@code unit}, e.g. {@code ").append(n).append(".of(5, Units.X)}.\n     *\n")
                .append("     * @param value the number of units\n     * @param unit a unit of this kind (checked by the compiler)\n     * @return the quantity\n")
                .append("     * @throws DimensionMismatchException if a raw or unchecked cast passed a unit of another dimension\n     */\n");
        s.append("    public static ").append(n).append(" of(double value, Unit<").append(n).append("> unit) {\n        return new ")
                .append(n).append("(KIND.check(unit).toSi(value));\n    }\n\n");
        s.append("    /**\n     * Narrows any measure (a runtime {@link Quantity}, or a typed quantity of an alias kind) to this kind.\n     *\n")
                .append("     * @param measure the measure\n     * @return the same value as {@code ").append(n).append("}\n")
                .append("     * @throws DimensionMismatchException if the dimension is not {@code ").append(html(dimText)).append("}\n     */\n");
        s.append("    public static ").append(n).append(" from(Measure measure) {\n        return KIND.narrow(measure);\n    }\n\n");
        s.append("    /**\n     * Parses text such as {@code \"").append(html(sym.isEmpty() ? "0.5" : "1.5 " + sym)).append("\"} (see {@link Quantity#parse}).\n     *\n")
                .append("     * @param text a number and a unit expression\n     * @return the quantity\n")
                .append("     * @throws UnitParseException if the text is not a number followed by a known unit expression\n")
                .append("     * @throws DimensionMismatchException if it parses to another dimension\n     */\n");
        s.append("    public static ").append(n).append(" parse(CharSequence text) {\n        return KIND.narrow(Quantity.parse(text), text);\n    }\n\n");
        for (UnitDef u : units) {
            if (u.kind().equals(n) && u.factory() != null) {
                s.append("    /**\n     * {@code value} {@code ").append(html(u.symbol())).append("} (").append(u.constant()).append(").\n     *\n")
                        .append("     * @param value the number of units\n     * @return the quantity\n     */\n");
                s.append("    public static ").append(n).append(' ').append(u.factory()).append("(double value) {\n        return new ")
                        .append(n).append('(').append(toSiExpression(u)).append(");\n    }\n\n");
            }
        }

        // accessors
        s.append("    @Override\n    public double si() {\n        return si;\n    }\n\n");
        s.append("    @Override\n    public Dimension dimension() {\n        return KIND.dimension();\n    }\n\n");
        s.append("    @Override\n    public Kind<").append(n).append("> kind() {\n        return KIND;\n    }\n\n");
        s.append("    /**\n     * The number of {@code unit}s in this quantity.\n     *\n     * @param unit a unit of this kind\n")
                .append("     * @return the value in that unit\n     */\n");
        s.append("    public double in(Unit<").append(n).append("> unit) {\n        return KIND.check(unit).fromSi(si);\n    }\n\n");
        s.append("    /**\n     * This quantity expressed in {@code unit}, for display ({@code toString} prints that unit's symbol).\n     *\n")
                .append("     * @param unit a unit of this kind\n     * @return value and unit\n     */\n");
        s.append("    public UnitValue<").append(n).append("> to(Unit<").append(n).append("> unit) {\n        return new UnitValue<>(KIND.check(unit).fromSi(si), unit);\n    }\n\n");
        s.append("    /**\n     * This value as a runtime-dimension {@link Quantity}.\n     *\n     * @return the same value with its dimension carried at run time\n     */\n");
        s.append("    public Quantity toQuantity() {\n        return Quantity.ofSi(si, KIND.dimension());\n    }\n\n");

        // same-kind arithmetic
        String[][] same = {
                {"plus", "+", "The sum."}, {"minus", "-", "The difference."}};
        for (String[] op : same) {
            s.append("    /**\n     * ").append(op[2]).append("\n     *\n     * @param other a quantity of the same kind\n     * @return the result\n     */\n");
            s.append("    public ").append(n).append(' ').append(op[0]).append('(').append(n).append(" other) {\n        return new ")
                    .append(n).append("(si ").append(op[1]).append(" other.si);\n    }\n\n");
        }
        s.append("    /**\n     * Scalar product.\n     *\n     * @param factor a pure number\n     * @return the result\n     */\n");
        s.append("    public ").append(n).append(" times(double factor) {\n        return new ").append(n).append("(si * factor);\n    }\n\n");
        s.append("    /**\n     * Scalar quotient.\n     *\n     * @param divisor a pure number\n     * @return the result\n     */\n");
        s.append("    public ").append(n).append(" div(double divisor) {\n        return new ").append(n).append("(si / divisor);\n    }\n\n");
        s.append("    /**\n     * The negated quantity.\n     *\n     * @return {@code -this}\n     */\n");
        s.append("    public ").append(n).append(" negate() {\n        return new ").append(n).append("(-si);\n    }\n\n");
        s.append("    /**\n     * The absolute value.\n     *\n     * @return {@code |this|}\n     */\n");
        s.append("    public ").append(n).append(" abs() {\n        return new ").append(n).append("(Math.abs(si));\n    }\n\n");
        s.append("    /**\n     * The smaller of the two.\n     *\n     * @param other a quantity of the same kind\n     * @return the minimum\n     */\n");
        s.append("    public ").append(n).append(" min(").append(n).append(" other) {\n        return si <= other.si ? this : other;\n    }\n\n");
        s.append("    /**\n     * The larger of the two.\n     *\n     * @param other a quantity of the same kind\n     * @return the maximum\n     */\n");
        s.append("    public ").append(n).append(" max(").append(n).append(" other) {\n        return si >= other.si ? this : other;\n    }\n\n");
        s.append("    /**\n     * Whether this is strictly less than {@code other}.\n     *\n     * @param other a quantity of the same kind\n     * @return {@code this < other}\n     */\n");
        s.append("    public boolean isLessThan(").append(n).append(" other) {\n        return si < other.si;\n    }\n\n");
        s.append("    /**\n     * Whether this is strictly greater than {@code other}.\n     *\n     * @param other a quantity of the same kind\n     * @return {@code this > other}\n     */\n");
        s.append("    public boolean isGreaterThan(").append(n).append(" other) {\n        return si > other.si;\n    }\n\n");
        s.append("    /**\n     * The length of the vector with components {@code this} and {@code other}, {@code sqrt(this² + other²)}.\n")
                .append("     * Computed directly, without {@link Math#hypot}'s overflow guard (which costs about 10x).\n     *\n")
                .append("     * @param other the other component\n     * @return the magnitude\n     */\n");
        s.append("    public ").append(n).append(" hypot(").append(n).append(" other) {\n        return new ").append(n)
                .append("(Math.sqrt(si * si + other.si * other.si));\n    }\n\n");
        s.append("    /**\n     * Whether {@code |this - other| <= tolerance}.\n     *\n     * @param other a quantity of the same kind\n")
                .append("     * @param tolerance the allowed difference\n     * @return whether the two are that close\n     */\n");
        s.append("    public boolean isCloseTo(").append(n).append(" other, ").append(n).append(" tolerance) {\n")
                .append("        return Math.abs(si - other.si) <= tolerance.si;\n    }\n\n");
        s.append("    /** Orders by value ({@link Double#compare} of the SI values). */\n");
        s.append("    @Override\n    public int compareTo(").append(n).append(" other) {\n        return Double.compare(si, other.si);\n    }\n\n");

        // the generated table
        List<KindDef> all = new ArrayList<>(kinds.values());
        StringBuilder table = new StringBuilder();
        for (KindDef b : all) {
            KindDef product = resultKind(combine(k.exponents(), b.exponents(), 1));
            if (product != null) {
                table.append("    /**\n     * {@code ").append(n).append(" × ").append(b.name()).append(" = ").append(product.name())
                        .append("} (").append(html(dimensionText(product.exponents()))).append(").\n     *\n")
                        .append("     * @param other the factor\n     * @return the product\n     */\n");
                table.append("    public ").append(product.name()).append(" times(").append(b.name()).append(" other) {\n        return ")
                        .append(product.name()).append(".ofSi(si * other.si());\n    }\n\n");
            }
        }
        for (KindDef b : all) {
            KindDef quotient = resultKind(combine(k.exponents(), b.exponents(), -1));
            if (quotient != null) {
                table.append("    /**\n     * {@code ").append(n).append(" / ").append(b.name()).append(" = ").append(quotient.name())
                        .append("} (").append(html(dimensionText(quotient.exponents()))).append(").\n     *\n")
                        .append("     * @param other the divisor\n     * @return the quotient\n     */\n");
                table.append("    public ").append(quotient.name()).append(" div(").append(b.name()).append(" other) {\n        return ")
                        .append(quotient.name()).append(".ofSi(si / other.si());\n    }\n\n");
            }
        }
        KindDef inverse = primary(scale(k.exponents(), -1, 1));
        if (inverse != null) {
            table.append("    /**\n     * {@code 1 / this} as {@link ").append(inverse.name()).append("}.\n     *\n     * @return the reciprocal\n     */\n");
            table.append("    public ").append(inverse.name()).append(" inverse() {\n        return ").append(inverse.name()).append(".ofSi(1.0 / si);\n    }\n\n");
        }
        KindDef squared = primary(scale(k.exponents(), 2, 1));
        if (squared != null && !isZero(k.exponents())) {
            table.append("    /**\n     * {@code this²} as {@link ").append(squared.name()).append("}.\n     *\n     * @return the square\n     */\n");
            table.append("    public ").append(squared.name()).append(" squared() {\n        return ").append(squared.name()).append(".ofSi(si * si);\n    }\n\n");
        }
        KindDef cubed = primary(scale(k.exponents(), 3, 1));
        if (cubed != null && !isZero(k.exponents())) {
            table.append("    /**\n     * {@code this³} as {@link ").append(cubed.name()).append("}.\n     *\n     * @return the cube\n     */\n");
            table.append("    public ").append(cubed.name()).append(" cubed() {\n        return ").append(cubed.name()).append(".ofSi(si * si * si);\n    }\n\n");
        }
        KindDef sqrt = primary(scale(k.exponents(), 1, 2));
        if (sqrt != null && !isZero(k.exponents())) {
            table.append("    /**\n     * The square root, as {@link ").append(sqrt.name()).append("}.\n     *\n     * @return the root (NaN if negative)\n     */\n");
            table.append("    public ").append(sqrt.name()).append(" sqrt() {\n        return ").append(sqrt.name()).append(".ofSi(Math.sqrt(si));\n    }\n\n");
        }
        KindDef cbrt = primary(scale(k.exponents(), 1, 3));
        if (cbrt != null && !isZero(k.exponents())) {
            table.append("    /**\n     * The cube root, as {@link ").append(cbrt.name()).append("}.\n     *\n     * @return the root\n     */\n");
            table.append("    public ").append(cbrt.name()).append(" cbrt() {\n        return ").append(cbrt.name()).append(".ofSi(Math.cbrt(si));\n    }\n\n");
        }
        s.append(table);
        if (isAngle(k.exponents())) {
            s.append(trigonometry(n));
        }

        // the mutable accumulator: the one shape escape analysis can keep in a register across loop iterations
        s.append("    /**\n     * A new, zero {@link Sum} to accumulate {@code ").append(n).append("} values in a loop.\n     *\n")
                .append("     * @return an empty accumulator\n     */\n");
        s.append("    public static Sum sum() {\n        return new Sum();\n    }\n\n");
        s.append("    /**\n     * A mutable running total of {@code ").append(n).append("} values, for loops.\n     *\n")
                .append("     * <p>Why it exists: {@code total = total.plus(x)} inside a loop merges a new object with the previous one\n")
                .append("     * at the loop head, and C2's escape analysis does not scalar-replace objects merged in a loop phi, so\n")
                .append("     * that line allocates once per iteration. A {@code Sum} is allocated once, before the loop; if it does\n")
                .append("     * not escape, the JIT replaces it by a {@code double} register and the loop allocates nothing.\n")
                .append("     * Confined: not thread-safe.\n     */\n");
        s.append("    public static final class Sum {\n\n        private double si;\n\n        private Sum() {\n        }\n\n");
        s.append("        /**\n         * Adds a value.\n         *\n         * @param value the value to add\n         * @return this accumulator\n         */\n");
        s.append("        public Sum add(").append(n).append(" value) {\n            si += value.si;\n            return this;\n        }\n\n");
        s.append("        /**\n         * The total so far.\n         *\n         * @return the sum of the values added\n         */\n");
        s.append("        public ").append(n).append(" total() {\n            return new ").append(n).append("(si);\n        }\n    }\n\n");

        // identity and text
        s.append("    /**\n     * The value in {@code unit} followed by its symbol, e.g. {@code \"5.0 km\"}.\n     *\n")
                .append("     * @param unit a unit of this kind\n     * @return the text\n     */\n");
        s.append("    public String format(Unit<").append(n).append("> unit) {\n        return Quantity.format(KIND.check(unit).fromSi(si), unit.symbol());\n    }\n\n");
        s.append("    /** Equal when the other is a {@code ").append(n).append("} with the same SI value ({@link Double#compare} semantics). */\n");
        s.append("    @Override\n    public boolean equals(Object o) {\n        return o instanceof ").append(n)
                .append(" other && Double.compare(si, other.si) == 0;\n    }\n\n");
        s.append("    @Override\n    public int hashCode() {\n        return Double.hashCode(si);\n    }\n\n");
        s.append("    /** The SI value and the coherent unit symbol, e.g. {@code \"").append(html(sym.isEmpty() ? "0.5" : "9.81 " + sym))
                .append("\"}; {@link #parse} reads it back exactly. */\n");
        s.append("    @Override\n    public String toString() {\n        return Quantity.format(si, KIND.symbol());\n    }\n");
        s.append("}\n");
        return s.toString();
    }

    /** sin/cos/tan of a plane angle and the inverse functions back to one (uom and mp-units offer the same). */
    private static String trigonometry(String n) {
        StringBuilder s = new StringBuilder();
        String[][] direct = {{"sin", "sine"}, {"cos", "cosine"}, {"tan", "tangent"}};
        for (String[] f : direct) {
            s.append("    /**\n     * The ").append(f[1]).append(" ({@link Math#").append(f[0]).append("} of the value in radians).\n     *\n")
                    .append("     * @return the ").append(f[1]).append(", a pure number\n     */\n");
            s.append("    public double ").append(f[0]).append("() {\n        return Math.").append(f[0]).append("(si);\n    }\n\n");
        }
        String[][] inverse = {{"asin", "arc sine", "[-π/2, π/2]"}, {"acos", "arc cosine", "[0, π]"}, {"atan", "arc tangent", "[-π/2, π/2]"}};
        for (String[] f : inverse) {
            s.append("    /**\n     * The angle whose ").append(f[1].substring(4)).append(" is {@code x} ({@link Math#").append(f[0]).append("}), in ")
                    .append(f[2]).append(" rad.\n     *\n     * @param x a pure number\n     * @return the angle\n     */\n");
            s.append("    public static ").append(n).append(' ').append(f[0]).append("(double x) {\n        return new ").append(n)
                    .append("(Math.").append(f[0]).append("(x));\n    }\n\n");
        }
        s.append("    /**\n     * The angle of the point ({@code x}, {@code y}) from the x axis ({@link Math#atan2}), in [-π, π] rad. Both\n")
                .append("     * coordinates are of the same kind, so their units cancel.\n     *\n     * @param y the y coordinate\n")
                .append("     * @param x the x coordinate\n     * @param <Q> their kind\n     * @return the angle\n")
                .append("     * @throws DimensionMismatchException if two run-time {@link Quantity} coordinates differ in dimension\n     */\n");
        s.append("    public static <Q extends Measure & Comparable<Q>> ").append(n).append(" atan2(Q y, Q x) {\n")
                .append("        if (!y.dimension().equals(x.dimension())) {\n")
                .append("            throw new DimensionMismatchException(\"atan2 needs coordinates of one dimension, got \" + y.dimension()\n")
                .append("                    + \" and \" + x.dimension(), y.dimension(), x.dimension());\n        }\n")
                .append("        return new ").append(n).append("(Math.atan2(y.si(), x.si()));\n    }\n\n");
        return s.toString();
    }

    private static boolean isZero(int[] e) {
        for (int x : e) {
            if (x != 0) {
                return false;
            }
        }
        return true;
    }

    private String unitsClass() {
        StringBuilder s = new StringBuilder(header());
        s.append("/**\n * The named units, each typed by its kind: {@code Length.of(5, KILOMETRE)} compiles,\n")
                .append(" * {@code Length.of(5, SECOND)} does not. Other SI-prefixed units come from {@link Unit#withPrefix}\n")
                .append(" * or from parsing ({@code \"MeV\"}). Generated from {@code dimensions.txt}.\n */\n");
        s.append("public final class Units {\n\n    private Units() {\n    }\n\n");
        for (UnitDef u : units) {
            s.append("    /** {@code ").append(html(u.symbol().isEmpty() ? "1" : u.symbol())).append("}: ")
                    .append(html(u.factorText())).append(" × the coherent SI unit of {@link ").append(u.kind()).append("}")
                    .append(u.prefixable() ? "; takes SI prefixes" : "").append(". */\n");
            s.append("    public static final Unit<").append(u.kind()).append("> ").append(u.constant()).append(" = new Unit<>(")
                    .append(u.kind()).append(".KIND, ").append(literal(u.symbol())).append(", ").append(literal(u.factorText())).append(", ")
                    .append(u.prefixable()).append(", ").append(literal(u.constant())).append(");\n\n");
        }
        s.append("}\n");
        return s.toString();
    }

    private String measureInterface() {
        StringBuilder s = new StringBuilder(header());
        s.append("/**\n * Anything with a value and a physical dimension: the generated typed quantities and the runtime\n")
                .append(" * {@link Quantity}. Sealed: the kinds are those of {@code dimensions.txt}, fixed at build time, and\n")
                .append(" * kinds defined by users through {@link Kind#define}, whose classes extend {@link CustomQuantity}.\n")
                .append(" *\n * <p>Implementations are immutable, thread-safe, value-based classes holding one {@code double}.\n */\n");
        s.append("public sealed interface Measure permits Quantity, CustomQuantity");
        for (KindDef k : kinds.values()) {
            s.append(",\n        ").append(k.name());
        }
        s.append(" {\n\n");
        s.append("    /**\n     * The value in the coherent SI unit of the dimension (m, kg, s, m/s, N, ...).\n     *\n     * @return the SI value\n     */\n");
        s.append("    double si();\n\n");
        s.append("    /**\n     * The dimension.\n     *\n     * @return exponents of the seven base dimensions\n     */\n");
        s.append("    Dimension dimension();\n\n");
        s.append("    /**\n     * The kind: for typed quantities their class's kind, for a runtime {@link Quantity} the kind\n")
                .append("     * registered for its dimension, or a dynamic kind if none is.\n     *\n     * @return the kind\n     */\n");
        s.append("    Kind<? extends Measure> kind();\n}\n");
        return s.toString();
    }

    private String catalogClass() {
        StringBuilder s = new StringBuilder(header());
        s.append("import java.util.List;\n\n");
        s.append("/** Every kind and unit of the description, for lookups by dimension and symbol. Generated. */\n");
        s.append("final class Catalog {\n\n    private Catalog() {\n    }\n\n");
        s.append("    /** Every kind, primary ones first in file order, then aliases. */\n");
        s.append("    static final List<Kind<?>> KINDS = List.of(");
        List<String> names = new ArrayList<>();
        kinds.values().stream().filter(KindDef::primary).forEach(k -> names.add(k.name() + ".KIND"));
        kinds.values().stream().filter(k -> !k.primary()).forEach(k -> names.add(k.name() + ".KIND"));
        s.append(String.join(",\n            ", names)).append(");\n\n");
        s.append("    /** Every named unit, in file order. */\n");
        s.append("    static final List<Unit<?>> UNITS = List.of(");
        List<String> constants = new ArrayList<>();
        units.forEach(u -> constants.add("Units." + u.constant()));
        s.append(String.join(",\n            ", constants)).append(");\n\n");
        s.append("    /** Alternative spellings accepted by the parser: pairs of (spelling, unit). */\n");
        s.append("    static final List<Object[]> ALTERNATES = List.of(");
        List<String> alts = new ArrayList<>();
        for (UnitDef u : units) {
            for (String a : u.alternates()) {
                alts.add("new Object[] {" + literal(a) + ", Units." + u.constant() + "}");
            }
        }
        s.append(String.join(",\n            ", alts)).append(");\n}\n");
        return s.toString();
    }
}
