/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.bench.report;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The same-machine Rust figure shown next to a row: the "Rust (this machine)" column of every table.
 *
 * <p>It comes from the suite's {@code vs_rust} rows ({@code <base id>.vs_rust} or {@code <base id>.vs_rust_<suffix>},
 * whose peer is the Rust side measured in the same run). A row gets the figure of the {@code vs_rust} row whose
 * base id is the longest dot-boundary prefix of its own id ({@code arena.alloc16.a8.vs_rust} feeds
 * {@code arena.alloc16.a8.offset_vs_malloc}; {@code parser.file.gbps.vs_rust} feeds {@code parser.file.gbps} but
 * not {@code parser.file.gbps_fresh_mapping}). When several Rust rows share that base, the one without suffix
 * ({@code .vs_rust}) is preferred; the others are shown only in their own rows. A {@code vs_rust} row shows its own
 * Rust figure. The figure is quoted in the unit of its {@code vs_rust} row and never converted.
 *
 * @param rowId   the {@code vs_rust} row the figure comes from
 * @param name    the Rust side, e.g. {@code Rust bumpalo (this machine)}, or {@code null} when unknown
 * @param value   its score, NaN when it did not run
 * @param lo      lower end of its interval (the Rust harness's min), NaN when unknown
 * @param hi      upper end (max), NaN when unknown
 * @param unit    the unit of {@code value}
 * @param ratio   how many times better Ferrum is than this Rust figure (the {@code vs_rust} row's ratio)
 * @param ratioLo lower end of that ratio's interval
 * @param ratioHi upper end
 * @param note    the {@code vs_rust} row's note (the reason when Rust did not run)
 */
public record RustHere(
        String rowId,
        String name,
        double value,
        double lo,
        double hi,
        String unit,
        double ratio,
        double ratioLo,
        double ratioHi,
        String note) {

    /** The id of a row comparing Ferrum with Rust on this machine; group 1 is its base id. */
    private static final Pattern VS_RUST = Pattern.compile("^(.+)\\.vs_rust(_[A-Za-z0-9_]+)?$");

    /** What a row without a Rust counterpart shows. */
    public static final String NONE = "-";

    /** The base id of a {@code vs_rust} row (its id without the {@code .vs_rust...} segment), if it is one. */
    public static Optional<String> base(String id) {
        Matcher m = id == null ? null : VS_RUST.matcher(id);
        return m != null && m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** Whether this is a {@code vs_rust} row. */
    public static boolean isVsRust(Row r) {
        return base(r.id()).isPresent();
    }

    /** The figure carried by a {@code vs_rust} row. */
    static RustHere of(Row vsRust) {
        return new RustHere(
                vsRust.id(),
                vsRust.peerName(),
                vsRust.peer(),
                vsRust.peerLo(),
                vsRust.peerHi(),
                vsRust.unit(),
                vsRust.ratio(),
                vsRust.ratioLo(),
                vsRust.ratioHi(),
                vsRust.note());
    }

    /** Whether the Rust side produced a figure. */
    public boolean ran() {
        return !Double.isNaN(value);
    }

    /** Whether the figure is missing because the Rust side did not run (as opposed to Ferrum's benchmark). */
    public boolean notRun() {
        return !ran() && (note == null || note.startsWith("Rust not run"));
    }

    /** The Rust side's name without the "(this machine)" the column title already says. */
    public String shortName() {
        return name == null ? null : name.replaceFirst("\\s*\\(this machine\\)$", "");
    }

    /**
     * The table cell: {@code 1.90 [1.80..2.10] ns/op (Rust bumpalo)}; {@code not run} when the Rust side did not
     * run (the {@code vs_rust} row says why); {@code not measured} when Ferrum's side of its row did not run.
     */
    public String cell() {
        if (!ran()) {
            return notRun() ? "not run" : "not measured (see " + rowId + ")";
        }
        String v = Format.withInterval(value, lo, hi, false) + (unit == null ? "" : " " + unit);
        return shortName() == null ? v : v + " (" + shortName() + ")";
    }

    /** The cell of a row that may have no counterpart ({@link #NONE}). */
    public static String cell(RustHere r) {
        return r == null ? NONE : r.cell();
    }

    /**
     * The Rust figure of each row that has one, by row id, derived from the {@code vs_rust} rows among {@code rows}
     * (one suite's rows, or any list whose ids are unique).
     */
    public static Map<String, RustHere> forRows(List<Row> rows) {
        Map<String, Row> byBase = new HashMap<>();
        for (Row r : rows) {
            Optional<String> base = base(r.id());
            if (base.isEmpty()) {
                continue;
            }
            Row known = byBase.get(base.get());
            // the row without suffix wins; otherwise the first one listed
            if (known == null
                    || (!known.id().equals(base.get() + ".vs_rust") && r.id().equals(base.get() + ".vs_rust"))) {
                byBase.put(base.get(), r);
            }
        }
        Map<String, RustHere> out = new LinkedHashMap<>();
        if (byBase.isEmpty()) {
            return out;
        }
        for (Row r : rows) {
            if (isVsRust(r)) {
                out.put(r.id(), of(r));
                continue;
            }
            if (measuresMemory(r)) {
                // an allocation or memory row (B/op, MB) measures no time or rate: a Rust speed beside it would
                // read as its counterpart, which it is not
                continue;
            }
            String id = r.id();
            // longest dot-boundary prefix: the id itself, then each shorter prefix ending before a dot
            for (String prefix = id; prefix != null; prefix = parent(prefix)) {
                Row rust = byBase.get(prefix);
                if (rust != null) {
                    out.put(id, of(rust));
                    break;
                }
            }
        }
        return out;
    }

    /** Whether a row measures memory (bytes per op, MB) rather than time or a rate. */
    static boolean measuresMemory(Row r) {
        String unit = r.unit() == null ? "" : r.unit();
        return unit.startsWith("B/") || unit.startsWith("KB") || unit.startsWith("MB") || unit.startsWith("GB/op");
    }

    private static String parent(String id) {
        int dot = id.lastIndexOf('.');
        return dot <= 0 ? null : id.substring(0, dot);
    }
}
