/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.matrix;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Modifier;
import org.junit.jupiter.api.Test;

/** N1..N16 are generated at build time (DimensionGenerator); each is a sealed-off phantom type bound to its number. */
class GeneratedDimensionsTest {

    @Test
    void everyGeneratedDimensionIsAFinalUninstantiableTypeBoundToItsNumber() throws Exception {
        for (int k = 1; k <= 16; k++) {
            Class<?> type = Class.forName("dev.ferrum.matrix.N" + k);
            assertThat(Dim.class.isAssignableFrom(type)).isTrue();
            assertThat(Modifier.isFinal(type.getModifiers())).isTrue();
            assertThat(type.getDeclaredConstructors()).allMatch(c -> Modifier.isPrivate(c.getModifiers()));
            Size<?> size = (Size<?>) type.getField("SIZE").get(null);
            assertThat(size.value()).isEqualTo(k);
            assertThat(size.name()).isEqualTo("N" + k);
        }
    }
}
