/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.bench.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code report.json}: writes a {@link Report} and reads one back (Jackson's tree model, so the field names
 * and the "unmeasured is {@code null}" rule are spelled out here rather than inferred from the records).
 *
 * <p>Each row carries its scores' intervals ({@code oursLo}/{@code oursHi}, {@code peerLo}/{@code peerHi}), the
 * ratio's ({@code ratio_lo}/{@code ratio_hi}) and a three-valued {@code met}: {@code "yes"}, {@code "no"},
 * {@code "noise"} (see {@link Verdict}). Reading is lenient about fields an older report did not have: a
 * missing interval reads as unknown ({@code NaN}), a boolean {@code met} as {@code "yes"}/{@code "no"}.
 *
 * <p>{@code rustHere} is the row's "Rust (this machine)" figure ({@link RustHere}: the {@code vs_rust} row it comes
 * from, its status {@code measured} / {@code not run} / {@code not measured}, name, value, interval, unit and
 * Ferrum's ratio against it), or {@code null} when the row has no Rust counterpart. It is derived from the
 * {@code vs_rust} rows, so a report without it (written before it existed) reads the same.
 */
public final class ReportJson {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ReportJson() {}

    /** The report as pretty-printed JSON; unmeasured numbers ({@code NaN}) are written as {@code null}. */
    public static String write(Report report) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("generatedAt", Instant.now().toString());
        root.put("startedAt", report.started().toString());
        root.put("mode", report.mode());
        root.set("machine", MAPPER.valueToTree(report.machine()));
        ArrayNode suites = root.putArray("suites");
        for (Report.SuiteResult s : report.suites()) {
            ObjectNode js = suites.addObject();
            js.put("name", s.name());
            js.put("title", s.title());
            js.put("status", s.status());
            ArrayNode notes = js.putArray("notes");
            s.notes().forEach(notes::add);
            ArrayNode rows = js.putArray("rows");
            Map<String, RustHere> here = RustHere.forRows(s.rows());
            for (Row r : s.rows()) {
                ObjectNode jr = rows.addObject();
                jr.put("id", r.id());
                jr.put("description", r.description());
                number(jr, "ours", r.ours());
                number(jr, "oursLo", r.oursLo());
                number(jr, "oursHi", r.oursHi());
                jr.put("peerName", r.peerName());
                number(jr, "peer", r.peer());
                number(jr, "peerLo", r.peerLo());
                number(jr, "peerHi", r.peerHi());
                jr.put("unit", r.unit());
                number(jr, "ratio", r.ratio());
                number(jr, "ratio_lo", r.ratioLo());
                number(jr, "ratio_hi", r.ratioHi());
                number(jr, "target", r.target());
                jr.put("met", r.met() == null ? null : r.met().json());
                jr.put("rust", r.rust() == null ? null : r.rust().text());
                if (r.rust() == null) {
                    jr.putNull("rustRatio");
                } else {
                    number(jr, "rustRatio", r.rust().ratio());
                }
                rustHere(jr, here.get(r.id()));
                number(jr, "oursBytesPerOp", r.oursBytesPerOp());
                number(jr, "peerBytesPerOp", r.peerBytesPerOp());
                jr.put("note", r.note());
            }
        }
        try {
            DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                    .withSeparators(
                            Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER));
            return MAPPER.writer(printer).writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the report as JSON: " + e.getMessage(), e);
        }
    }

    /**
     * The "Rust (this machine)" figure of a row ({@link RustHere}), {@code null} when it has no Rust counterpart.
     * Derived from the {@code vs_rust} rows, so reading a report derives it again and ignores the stored field.
     */
    private static void rustHere(ObjectNode row, RustHere here) {
        if (here == null) {
            row.putNull("rustHere");
            return;
        }
        ObjectNode h = row.putObject("rustHere");
        h.put("from", here.rowId());
        h.put("status", here.ran() ? "measured" : here.notRun() ? "not run" : "not measured");
        h.put("name", here.name());
        number(h, "value", here.value());
        number(h, "lo", here.lo());
        number(h, "hi", here.hi());
        h.put("unit", here.unit());
        number(h, "ratio", here.ratio());
        number(h, "ratio_lo", here.ratioLo());
        number(h, "ratio_hi", here.ratioHi());
    }

    private static void number(ObjectNode node, String field, double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            node.putNull(field);
        } else {
            node.put(field, value);
        }
    }

    /**
     * A report read back from its {@code report.json}, enough to redraw its tables and charts and to compare
     * it with another run.
     *
     * @throws IllegalArgumentException when the text is not JSON or not a report, saying where
     */
    public static Report read(String json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    "report.json is not valid JSON at line " + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage(),
                    e);
        }
        if (root == null || !root.isObject() || !root.path("suites").isArray()) {
            throw new IllegalArgumentException("not a benchmark report: no \"suites\" array at the top level");
        }
        // The machine the run was measured on, as stored (not the machine reading it now).
        Map<String, Object> machine = new LinkedHashMap<>();
        root.path("machine").properties().forEach(e -> machine.put(e.getKey(), scalar(e.getValue())));
        Report report = new Report(
                root.path("mode").asText("unknown"),
                root.hasNonNull("startedAt")
                        ? Instant.parse(root.get("startedAt").asText())
                        : Instant.EPOCH,
                machine);
        for (JsonNode js : root.get("suites")) {
            String suite = js.path("name").asText();
            List<Row> rows = new ArrayList<>();
            for (JsonNode r : js.path("rows")) {
                String rust = text(r, "rust");
                double ours = dbl(r, "ours");
                // Reports written before intervals had only a symmetric oursError (or nothing): use it if there.
                double oursError = dbl(r, "oursError");
                rows.add(new Row(
                        text(r, "id"),
                        suite,
                        text(r, "description"),
                        ours,
                        r.has("oursLo") ? dbl(r, "oursLo") : ours - oursError,
                        r.has("oursHi") ? dbl(r, "oursHi") : ours + oursError,
                        text(r, "peerName"),
                        dbl(r, "peer"),
                        dbl(r, "peerLo"),
                        dbl(r, "peerHi"),
                        text(r, "unit"),
                        dbl(r, "ratio"),
                        dbl(r, "ratio_lo"),
                        dbl(r, "ratio_hi"),
                        dbl(r, "target"),
                        r.hasNonNull("met") ? Verdict.fromJson(r.get("met").asText()) : null,
                        rust == null ? null : new RustFigure(rust, dbl(r, "rustRatio")),
                        dbl(r, "oursBytesPerOp"),
                        dbl(r, "peerBytesPerOp"),
                        text(r, "note")));
            }
            List<String> notes = new ArrayList<>();
            js.path("notes").forEach(n -> notes.add(n.asText()));
            report.add(new Report.SuiteResult(suite, text(js, "title"), text(js, "status"), rows, notes));
        }
        return report;
    }

    private static Object scalar(JsonNode v) {
        if (v.isContainerNode()) {
            return MAPPER.convertValue(v, Object.class);
        }
        return v.isIntegralNumber() ? (Object) v.asLong() : v.isNumber() ? (Object) v.asDouble() : v.asText();
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static double dbl(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || !v.isNumber() ? Double.NaN : v.asDouble();
    }
}
