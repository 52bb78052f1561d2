/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.units.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generator itself: what a description produces, and how a bad one fails the build. */
class QuantityGeneratorTest {

    @TempDir
    Path dir;

    private Path description(String text) throws IOException {
        Path file = dir.resolve("dimensions.txt");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    private String generated(String kind) throws IOException {
        return Files.readString(dir.resolve("out/dev/ferrum/units/" + kind + ".java"));
    }

    @Test
    void emitsAnOverloadForEveryProductThatIsAListedKind() throws IOException {
        Path file = description("""
                dimension Dimensionless 0 0 0 0 0 0 0 -
                dimension Length        1 0 0 0 0 0 0 m
                dimension Time          0 0 1 0 0 0 0 s
                dimension Velocity      1 0 -1 0 0 0 0 m/s
                unit METRE Length m 1 prefixable factory=metres
                """);
        QuantityGenerator.main(new String[] {file.toString(), dir.resolve("out").toString()});
        String length = generated("Length");
        assertThat(length)
                .contains("public Velocity div(Time other)")
                .contains("public Dimensionless div(Length other)")
                .contains("public static Length metres(double value)")
                .doesNotContain("times(Time other)") // L·T is not listed
                .doesNotContain("squared()"); // neither is L^2
        assertThat(generated("Velocity")).contains("public Length times(Time other)");
        assertThat(generated("Measure")).contains("sealed interface Measure permits Quantity");
    }

    @Test
    void timeTimesVelocityIsGeneratedToo() throws IOException {
        Path file = description("""
                dimension Dimensionless 0 0 0 0 0 0 0 -
                dimension Length        1 0 0 0 0 0 0 m
                dimension Time          0 0 1 0 0 0 0 s
                dimension Velocity      1 0 -1 0 0 0 0 m/s
                """);
        QuantityGenerator.main(new String[] {file.toString(), dir.resolve("out").toString()});
        assertThat(generated("Time")).contains("public Length times(Velocity other)");
    }

    @Test
    void rejectsTwoDimensionsWithTheSameExponents() throws IOException {
        Path file = description("""
                dimension Dimensionless 0 0 0 0 0 0 0 -
                dimension Energy  2 1 -2 0 0 0 0 J
                dimension Torque  2 1 -2 0 0 0 0 N·m
                """);
        assertThatThrownBy(() -> QuantityGenerator.main(
                        new String[] {file.toString(), dir.resolve("out").toString()}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageEndingWith(":3: Torque has the same exponents as Energy (line 2): the product table would"
                        + " have two answers; declare one as 'alias'");
    }

    @Test
    void rejectsMalformedLinesWithTheirLineNumber() throws IOException {
        Path bad = description("dimension Dimensionless 0 0 0 0 0 0 0 -\ndimension Length 1 0 x 0 0 0 0 m\n");
        assertThatThrownBy(() -> QuantityGenerator.main(
                        new String[] {bad.toString(), dir.resolve("out").toString()}))
                .hasMessageEndingWith(":2: exponent T of Length is not an integer: x");
        Path unknownKind = description("dimension Dimensionless 0 0 0 0 0 0 0 -\nunit FOO Bar f 1\n");
        assertThatThrownBy(() -> QuantityGenerator.main(
                        new String[] {unknownKind.toString(), dir.resolve("out").toString()}))
                .hasMessageEndingWith(":2: unit FOO has unknown kind Bar");
        Path duplicateSymbol = description("""
                dimension Dimensionless 0 0 0 0 0 0 0 -
                dimension Length 1 0 0 0 0 0 0 m
                unit METRE Length m 1
                unit METER Length m 1
                """);
        assertThatThrownBy(() -> QuantityGenerator.main(new String[] {
                    duplicateSymbol.toString(), dir.resolve("out").toString()
                }))
                .hasMessageEndingWith(":4: symbol 'm' already names METRE");
    }

    @Test
    void rewritesOnlyChangedFiles() throws IOException {
        Path file = description("dimension Dimensionless 0 0 0 0 0 0 0 -\ndimension Length 1 0 0 0 0 0 0 m\n");
        QuantityGenerator.main(new String[] {file.toString(), dir.resolve("out").toString()});
        Path length = dir.resolve("out/dev/ferrum/units/Length.java");
        var before = Files.getLastModifiedTime(length);
        Files.setLastModifiedTime(length, java.nio.file.attribute.FileTime.fromMillis(before.toMillis() - 60_000));
        var aged = Files.getLastModifiedTime(length);
        QuantityGenerator.main(new String[] {file.toString(), dir.resolve("out").toString()});
        assertThat(Files.getLastModifiedTime(length)).isEqualTo(aged);
    }
}
