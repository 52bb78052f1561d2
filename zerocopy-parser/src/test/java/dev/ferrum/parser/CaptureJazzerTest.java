/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.parser;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.lang.foreign.MemorySegment;

/**
 * Coverage-guided fuzz target (Jazzer). Under plain {@code mvn verify} it runs in regression mode over
 * its seed inputs; with {@code JAZZER_FUZZ=1} it fuzzes. The contract is the jqwik one: strict mode throws
 * only {@link MalformedCaptureException}, lax mode never throws.
 */
class CaptureJazzerTest {

    @FuzzTest(maxDuration = "30s")
    void parserKeepsItsExceptionContract(byte[] input) {
        try {
            CaptureReader.of(MemorySegment.ofArray(input), ParseMode.STRICT).forEach(CaptureFuzzTest::touchEverything);
        } catch (MalformedCaptureException expected) {
            // The only exception strict mode may throw.
        }
        CaptureReader.of(MemorySegment.ofArray(input), ParseMode.LAX).forEach(CaptureFuzzTest::touchEverything);
    }
}
