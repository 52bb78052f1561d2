/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.matrix;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The point of the module: dimension mismatches are compile errors. Each snippet is compiled with the real
 * {@code javac} against the built classes; the bad ones must fail on exactly the marked line.
 */
class CompileTimeDimensionTest {

    private static final String HEADER = """
            import dev.ferrum.matrix.*;
            class Snippet {
                interface Features extends Dim {}
                interface Labels extends Dim {}
                void run(Matrix<N3, N2> a, Matrix<N2, N4> b, Matrix<N5, N5> d, Matrix<N4, N4> sq,
                         Matrix<Features, N3> f, Matrix<Labels, N3> l) {
            """;
    /** Line number of the first statement (the header has 6 lines). */
    private static final int FIRST_LINE = 7;

    private static Path classes;

    @TempDir
    Path out;

    @BeforeAll
    static void locateBuiltClasses() throws URISyntaxException {
        classes = Path.of(
                Matrix.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    private record Result(boolean success, List<Diagnostic<? extends JavaFileObject>> errors) {
        String messages() {
            return errors.stream()
                    .map(d -> "line " + d.getLineNumber() + ": " + d.getMessage(null))
                    .collect(Collectors.joining("\n"));
        }
    }

    private Result compile(String body) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertThat(javac).as("a JDK with javac").isNotNull();
        String source = HEADER + body + "\n    }\n}\n";
        JavaFileObject file =
                new SimpleJavaFileObject(URI.create("string:///Snippet.java"), JavaFileObject.Kind.SOURCE) {
                    @Override
                    public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                        return source;
                    }
                };
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8)) {
            Files.createDirectories(out);
            files.setLocation(StandardLocation.CLASS_OUTPUT, List.of(out.toFile()));
            files.setLocation(StandardLocation.CLASS_PATH, List.of(classes.toFile()));
            boolean ok = javac.getTask(
                            null, files, diagnostics, List.of("-proc:none", "-Xlint:none"), null, List.of(file))
                    .call();
            List<Diagnostic<? extends JavaFileObject>> errors = diagnostics.getDiagnostics().stream()
                    .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                    .collect(Collectors.toList());
            return new Result(ok, errors);
        }
    }

    @Test
    void wellTypedProgramsCompile() throws IOException {
        Result r = compile("""
                        Matrix<N3, N4> c = a.times(b);
                        Matrix<N2, N3> t = a.transpose();
                        Matrix<N3, N2> s = a.plus(a).minus(a).scale(2).hadamard(a);
                        Matrix<N4, N3> ct = b.transpose().times(a.transpose());
                        double tr = Matrix.trace(sq) + Matrix.determinant(d);
                        Matrix<N4, N4> inv = Matrix.inverse(sq);
                        Matrix<N4, N3> x = Matrix.solve(sq, ct);
                        Size<Features> fs = Size.of(Features.class, 7);
                        Matrix<Features, N3> w = Matrix.zeros(fs, N3.SIZE);
                        Matrix<Features, N2> y = w.times(a).times(Matrix.identity(N2.SIZE));
                        FloatMatrix<N3, N2> fa = FloatMatrix.zeros(N3.SIZE, N2.SIZE);
                        FloatMatrix<N3, N4> fc = fa.times(FloatMatrix.zeros(N2.SIZE, N4.SIZE));
                        Matrix<N3, N2> back = a.toDynamic().as(N3.SIZE, N2.SIZE);
                """);
        assertThat(r.success()).as(r.messages()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "multiply with mismatched inner dimension (3x2 * 5x5)   | Object r = a.times(d);",
                "assign a product to the wrong result type              | Matrix<N3, N2> r = a.times(b);",
                "add matrices of different shapes                       | Object r = a.plus(a.transpose());",
                "subtract matrices of different shapes                  | Object r = b.minus(sq);",
                "assign a transpose to the untransposed type            | Matrix<N3, N2> r = a.transpose();",
                "trace of a non-square matrix                           | double r = Matrix.trace(a);",
                "inverse of a non-square matrix                         | Object r = Matrix.inverse(b);",
                "solve with a right-hand side of the wrong height       | Object r = Matrix.solve(sq, a);",
                "add two named dimensions of the same run-time size     | Object r = f.plus(l);",
                "multiply float by double matrices                      | Object r = FloatMatrix.zeros(N3.SIZE, N2.SIZE).times(b);",
            })
    void dimensionMismatchesAreCompileErrors(String what, String statement) throws IOException {
        Result r = compile("        " + statement.trim() + "\n");
        assertThat(r.success()).as("%s should not compile", what).isFalse();
        assertThat(r.errors())
                .as(r.messages())
                .isNotEmpty()
                .allSatisfy(d -> assertThat(d.getLineNumber()).as(r.messages()).isEqualTo(FIRST_LINE));
    }
}
