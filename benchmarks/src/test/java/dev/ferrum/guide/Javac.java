/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.guide;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

/**
 * Compiles a small Java source with the JDK's own {@code javac} (in-process, {@code javax.tools}) against the
 * jar or class directory of the given library classes, and returns javac's error messages. The examples use
 * it to show that a dimension mistake is rejected by the compiler, the way the Rust originals show
 * {@code error[E0308]: mismatched types}.
 */
final class Javac {

    private Javac() {}

    /**
     * @param source a compilation unit whose classes are not public (it is compiled as {@code Snippet.java})
     * @param apis   one class from each library the source uses; their code sources form the class path
     * @return javac's error messages (empty if it compiled), with package prefixes of the APIs removed
     */
    static List<String> errors(String source, Class<?>... apis) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("these examples need a JDK (javax.tools finds no system compiler)");
        }
        List<java.io.File> classPath = new ArrayList<>();
        for (Class<?> api : apis) {
            classPath.add(codeSource(api).toFile());
        }
        JavaFileObject file =
                new SimpleJavaFileObject(URI.create("string:///Snippet.java"), JavaFileObject.Kind.SOURCE) {
                    @Override
                    public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                        return source;
                    }
                };
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        Path out = null;
        try (StandardJavaFileManager files =
                javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
            out = Files.createTempDirectory("ferrum-guide-javac");
            files.setLocation(StandardLocation.CLASS_OUTPUT, List.of(out.toFile()));
            files.setLocation(StandardLocation.CLASS_PATH, classPath);
            javac.getTask(null, files, diagnostics, List.of("-proc:none", "-Xlint:none"), null, List.of(file))
                    .call();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteTree(out);
        }
        List<String> errors = new ArrayList<>();
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
            if (d.getKind() == Diagnostic.Kind.ERROR) {
                String message = d.getMessage(Locale.ROOT);
                for (Class<?> api : apis) {
                    message = message.replace(api.getPackageName() + ".", "");
                }
                errors.add("line " + d.getLineNumber() + ": " + message);
            }
        }
        return errors;
    }

    private static Path codeSource(Class<?> api) {
        try {
            return Path.of(
                    api.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the classes of " + api, e);
        }
    }

    private static void deleteTree(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
