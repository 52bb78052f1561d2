/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.bench.units;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferrum.bench.rust.RustSide;
import dev.ferrum.units.Time;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The Rust side of the units rows (benchmarks/rust, uom and raw f64) runs the same kernels on the same data:
 * after 10 steps from the suites' initial states, the positions of Java's raw and typed kernels and Rust's
 * raw and uom kernels are equal bit for bit (same {@code SplittableRandom} streams, same operations in the same
 * order). Skips where the Rust side cannot be built (RustWorkspaceTest fails for that under CI=true).
 */
class UnitsRustAgreementTest {

    static final int STEPS = 10;

    @Test
    void rustAndJavaKernelsAgreeBitForBit() throws Exception {
        RustSide rust = RustSide.prepare(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        Assumptions.assumeTrue(rust.available(), () -> "Rust side not available: " + rust.whyNotRun());
        JsonNode check = rust.run(120, "units-check").get("units.check");
        assertThat(check.path("steps").asInt()).isEqualTo(STEPS);

        Particles raw = new Particles(KinematicsBench.PARTICLES, 42);
        Particles typed = raw.copy();
        Time dt = Time.seconds(1e-3);
        for (int i = 0; i < STEPS; i++) {
            KinematicsKernels.raw(raw, 1e-3);
            KinematicsKernels.typed(typed, dt);
        }
        String kinematics = checksum(raw.x, raw.y);
        assertThat(checksum(typed.x, typed.y)).isEqualTo(kinematics);
        assertThat(check.path("kinematics_raw").asText()).isEqualTo(kinematics);
        assertThat(check.path("kinematics_uom").asText()).isEqualTo(kinematics);

        Bodies bodies = new Bodies(NBodyBench.BODIES, 7);
        Bodies bodiesTyped = bodies.copy();
        Time nbodyDt = Time.seconds(10);
        for (int i = 0; i < STEPS; i++) {
            NBodyKernels.raw(bodies, 10);
            NBodyKernels.typedSum(bodiesTyped, nbodyDt);
        }
        String nbody = checksum(bodies.x, bodies.y, bodies.z);
        assertThat(checksum(bodiesTyped.x, bodiesTyped.y, bodiesTyped.z)).isEqualTo(nbody);
        assertThat(check.path("nbody_raw").asText()).isEqualTo(nbody);
        assertThat(check.path("nbody_uom").asText()).isEqualTo(nbody);
    }

    /** The wrapping sum of the values' bit patterns, as an unsigned decimal (Rust's checksum). */
    static String checksum(double[]... arrays) {
        long sum = 0;
        for (double[] a : arrays) {
            for (double v : a) {
                sum += Double.doubleToRawLongBits(v);
            }
        }
        return Long.toUnsignedString(sum);
    }
}
