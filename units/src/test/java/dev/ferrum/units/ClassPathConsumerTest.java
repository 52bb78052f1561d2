/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.units;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The library as a consumer uses it: a separate JVM with no options at all runs a one-file program against the
 * built classes on the plain class path. The README promises that the units module needs no JVM flags (no
 * restricted methods, no incubator modules); this test keeps the promise honest, including that nothing warns.
 */
class ClassPathConsumerTest {

    private static final String CONSUMER = """
            import dev.ferrum.units.*;

            public class Consumer {
                public static void main(String[] args) {
                    Velocity v = Length.kilometres(100).div(Time.hours(2));
                    System.out.println("kmh " + v.in(Units.KILOMETRE_PER_HOUR));
                    System.out.println("rpm " + Angle.degrees(360).div(Time.minutes(1)).in(Units.RPM));
                    System.out.println("point " + Temperature.parse("25 °C"));
                    System.out.println("ft " + Units.INCH.convert(12, Units.FOOT));
                    Unit<Length> furlong = Unit.register(Unit.define("fur", 660, Units.FOOT));
                    System.out.println("fur " + Length.parse("1 fur").in(Units.METRE));
                }
            }
            """;

    @TempDir
    Path dir;

    @Test
    void runsOnThePlainClassPathWithoutAnyJvmFlag() throws IOException, InterruptedException {
        Path source = dir.resolve("Consumer.java");
        Files.writeString(source, CONSUMER);
        Path classes = Path.of(
                Length.class.getProtectionDomain().getCodeSource().getLocation().getPath());
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of("-XX:TieredStopAtLevel=1", "-cp", classes.toString(), source.toString()));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out.lines().toList())
                .containsExactly("kmh 50.0", "rpm 1.0", "point 298.15 K", "ft 1.0", "fur 201.168");
    }
}
