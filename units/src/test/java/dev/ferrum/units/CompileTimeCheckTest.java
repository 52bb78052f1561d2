/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.units;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The point of the library: dimension errors are compile errors. Each case compiles a snippet with
 * {@code javax.tools.JavaCompiler} against the built classes (system property {@code units.classes}, set by the
 * pom, else {@code target/classes}) and checks that javac rejects it with a message a user can read, or that
 * the correct counterpart compiles.
 */
class CompileTimeCheckTest {

    private static final JavaCompiler JAVAC = ToolProvider.getSystemJavaCompiler();
    private static Path output;

    @BeforeAll
    static void createOutput() throws IOException {
        output = Files.createTempDirectory("units-compile-check");
    }

    @AfterAll
    static void deleteOutput() throws IOException {
        try (Stream<Path> files = Files.walk(output)) {
            files.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
        }
    }

    static Stream<Arguments> rejected() {
        return Stream.of(
                Arguments.of(
                        "length.plus(time)",
                        "Length l = Length.metres(1).plus(Time.seconds(1));",
                        "Time cannot be converted to Length"),
                Arguments.of(
                        "length.minus(mass)",
                        "Length l = Length.metres(1).minus(Mass.kilograms(1));",
                        "Mass cannot be converted to Length"),
                Arguments.of(
                        "Length.div(Time) assigned to Force",
                        "Force f = Length.metres(100).div(Time.seconds(10));",
                        "incompatible types: Velocity cannot be converted to Force"),
                Arguments.of(
                        "Angle.div(Time) assigned to Frequency",
                        "Frequency f = Angle.degrees(360).div(Time.minutes(1));",
                        "incompatible types: AngularVelocity cannot be converted to Frequency"),
                Arguments.of(
                        "Force.times(Length) assigned to Power",
                        "Power p = Force.newtons(1).times(Length.metres(1));",
                        "incompatible types: Energy cannot be converted to Power"),
                Arguments.of(
                        "a unit of another kind",
                        "Length l = Length.of(5, Units.SECOND);",
                        "Unit<Time> cannot be converted to Unit<Length>"),
                Arguments.of(
                        "a product with no kind in the description",
                        "Object o = Acceleration.metresPerSecondSquared(1).times(Acceleration.metresPerSecondSquared(1));",
                        "no suitable method found for times(Acceleration)"),
                Arguments.of(
                        "an alias is a different type",
                        "Energy e = Torque.newtonMetres(1);",
                        "incompatible types: Torque cannot be converted to Energy"),
                Arguments.of(
                        "comparing different kinds",
                        "int c = Length.metres(1).compareTo(Time.seconds(1));",
                        "Time cannot be converted to Length"),
                Arguments.of(
                        "two temperature readings cannot be added",
                        "Object t = TemperaturePoint.celsius(20).plus(TemperaturePoint.celsius(5));",
                        "TemperaturePoint cannot be converted to Temperature"),
                Arguments.of(
                        "the constructor is not a back door",
                        "Length l = new Length(1.0);",
                        "Length(double) has private access in Length"),
                Arguments.of(
                        "converting to a unit of another kind",
                        "double d = Length.metres(1).in(Units.HOUR);",
                        "Unit<Time> cannot be converted to Unit<Length>"),
                Arguments.of(
                        "the set of kinds is closed",
                        "record Fake(double si) implements Measure { public Dimension dimension() { return Dimension.NONE; }"
                                + " public Kind<Fake> kind() { return null; } }",
                        "class is not allowed to extend sealed class: Measure"));
    }

    @ParameterizedTest(name = "{0} does not compile")
    @MethodSource("rejected")
    void dimensionErrorsAreCompileErrors(String what, String statement, String expectedMessage) {
        List<String> errors = compile(statement);
        assertThat(errors).as("javac errors for: %s", statement).isNotEmpty();
        assertThat(String.join("\n", errors)).contains(expectedMessage);
    }

    static Stream<Arguments> accepted() {
        return Stream.of(
                Arguments.of("length.plus(length)", "Length l = Length.metres(1).plus(Length.kilometres(1));"),
                Arguments.of("Length.div(Time) is Velocity", "Velocity v = Length.metres(100).div(Time.seconds(10));"),
                Arguments.of(
                        "Velocity.times(Time) is Length",
                        "Length l = Velocity.metresPerSecond(3).times(Time.hours(1));"),
                Arguments.of("Force.times(Length) is Energy", "Energy e = Force.newtons(2).times(Length.metres(3));"),
                Arguments.of(
                        "Mass.times(Acceleration) is Force",
                        "Force f = Mass.kilograms(2).times(Acceleration.parse(\"9.81 m/s^2\"));"),
                Arguments.of("a unit of the right kind", "Length l = Length.of(5, Units.KILOMETRE);"),
                Arguments.of(
                        "Angle.div(Time) is AngularVelocity",
                        "AngularVelocity w = Angle.degrees(360).div(Time.minutes(1));"),
                Arguments.of("an alias converted explicitly", "Energy e = Energy.from(Torque.newtonMetres(1));"),
                Arguments.of(
                        "a runtime product narrowed",
                        "Quantity q = Quantity.of(Velocity.metresPerSecond(2)).times(Velocity.metresPerSecond(2));"),
                Arguments.of(
                        "temperature reading plus difference",
                        "TemperaturePoint t = TemperaturePoint.celsius(20).plus(Temperature.celsiusDegrees(5));"));
    }

    @ParameterizedTest(name = "{0} compiles")
    @MethodSource("accepted")
    void correctCodeCompiles(String what, String statement) {
        assertThat(compile(statement)).as("javac errors for: %s", statement).isEmpty();
    }

    private static List<String> compile(String statement) {
        // A declaration ("record ...") goes at top level, anything else in a method body.
        boolean declaration = statement.startsWith("record ");
        String source = """
                import dev.ferrum.units.*;

                %s
                class Snippet {
                    void run() {
                        %s
                    }
                }
                """.formatted(declaration ? statement : "", declaration ? "" : statement);
        JavaFileObject file =
                new SimpleJavaFileObject(URI.create("string:///Snippet.java"), JavaFileObject.Kind.SOURCE) {
                    @Override
                    public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                        return source;
                    }
                };
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        String classes = System.getProperty("units.classes", "target/classes");
        try (StandardJavaFileManager files = JAVAC.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
            List<String> options = List.of("-classpath", classes, "-d", output.toString(), "-proc:none");
            JAVAC.getTask(null, files, diagnostics, options, null, List.of(file))
                    .call();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        List<String> errors = new ArrayList<>();
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
            if (d.getKind() == Diagnostic.Kind.ERROR) {
                // javac names types fully qualified; the package prefix is noise in the assertions.
                errors.add(d.getMessage(Locale.ROOT).replace("dev.ferrum.units.", ""));
            }
        }
        return errors;
    }
}
