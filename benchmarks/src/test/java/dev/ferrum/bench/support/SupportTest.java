/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.bench.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SupportTest {

    /** A child main for {@link #childJvmRunsAMainClassAndReadsItsResultLine}. */
    public static final class Child {
        public static void main(String[] args) {
            System.out.println("warming up");
            System.out.println("RESULT args=" + String.join("+", args) + " heap="
                    + Runtime.getRuntime().maxMemory());
            System.exit(args.length == 0 ? 3 : 0);
        }
    }

    @Test
    void childJvmRunsAMainClassAndReadsItsResultLine() throws Exception {
        ChildJvm.Output out = ChildJvm.of(Child.class)
                .jvmArgs("-Xmx64m")
                .args("a", "b")
                .run(Duration.ofMinutes(1))
                .requireSuccess();
        Map<String, String> r = out.result().orElseThrow();
        assertThat(r.get("args")).isEqualTo("a+b");
        assertThat(Long.parseLong(r.get("heap"))).isLessThanOrEqualTo(64L << 20);
        assertThat(out.log()).contains("-Xmx64m").contains("warming up");
        ChildJvm.Output failed = ChildJvm.of(Child.class).run(Duration.ofMinutes(1));
        assertThat(failed.exitCode()).isEqualTo(3);
        assertThatThrownBy(failed::requireSuccess).hasMessageContaining("status 3");
        assertThat(ChildJvm.resultFields("RESULT x=1 lonely y=2"))
                .containsExactly(Map.entry("x", "1"), Map.entry("y", "2"));
    }

    @Test
    void interleavedRotatesTheStartingContenderAndKeepsEveryMeasuredRound() {
        List<String> order = new ArrayList<>();
        List<Interleaved.Samples> samples = Interleaved.run(
                List.of(
                        Interleaved.Contender.of("a", 10, () -> {
                            order.add("a");
                            return 1;
                        }),
                        new Interleaved.Contender(
                                "b",
                                () -> {
                                    order.add("b");
                                    return 2;
                                },
                                1,
                                1)),
                1,
                4,
                r -> order.add("<"),
                r -> order.add(">"));
        // one warm-up round (-1), then rounds 0..3; the first contender alternates
        assertThat(String.join("", order)).isEqualTo("<ba><ab><ba><ab><ba>");
        assertThat(samples).extracting(Interleaved.Samples::name).containsExactly("a", "b");
        assertThat(samples.get(0).nanos()).hasSize(4);
        assertThat(samples.get(1).nanos()).hasSize(4);
        List<Interleaved.Samples> sparse = Interleaved.run(
                List.of(Interleaved.Contender.of("a", 1, () -> 1), new Interleaved.Contender("b", () -> 2, 1, 3)),
                0,
                6);
        assertThat(sparse.get(1).nanos()).hasSize(2);
        Interleaved.Samples s = new Interleaved.Samples("x", new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10});
        assertThat(s.min()).isEqualTo(1);
        assertThat(s.median()).isEqualTo(6);
        assertThat(s.score().lo()).isEqualTo(1);
        assertThat(s.score().hi()).isEqualTo(2);
    }

    @Test
    void peerVersionsComeFromTheBuild() {
        assertThat(PeerVersions.JCTOOLS).matches("JCTools \\d+\\.\\d+.*");
        assertThat(PeerVersions.of("rocksdb")).matches("\\d+\\.\\d+.*");
        assertThatThrownBy(() -> PeerVersions.of("nosuch")).hasMessageContaining("'nosuch'");
    }
}
