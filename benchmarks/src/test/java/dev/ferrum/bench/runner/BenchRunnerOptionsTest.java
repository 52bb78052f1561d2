/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.bench.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BenchRunnerOptionsTest {

    @Test
    void optionsRejectUnknownSuitesAndOptionsWithTheNames() {
        assertThatThrownBy(() -> BenchRunner.Options.parse(new String[] {"--suite", "nosuch"}))
                .hasMessageContaining("unknown suite 'nosuch'")
                .hasMessageContaining("arena");
        assertThatThrownBy(() -> BenchRunner.Options.parse(new String[] {"--fast"}))
                .hasMessageContaining("Unknown option: '--fast'");
        assertThatThrownBy(() -> BenchRunner.Options.parse(new String[] {"--out"}))
                .hasMessageContaining("Missing required parameter for option '--out'");
        var o = BenchRunner.Options.parse(new String[] {"--quick", "--suite", "arena,queue"});
        assertThat(o.quick()).isTrue();
        assertThat(o.suites()).containsExactly("arena", "queue");
        assertThat(BenchRunner.Options.parse(new String[0]).suites()).containsExactlyElementsOf(SuiteCatalog.names());
    }
}
