/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.units;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The preconditions for the JIT to scalar-replace a quantity: the class is final (no type profile pollution,
 * every call devirtualised), has exactly one instance field, a {@code double}, and is immutable. If a future
 * edit of the generator adds a field (a cached unit, a string), escape analysis would have more to keep and
 * the benchmark's 0 B/op claim would need re-measuring; this test fails first.
 */
class ZeroCostShapeTest {

    @Test
    void everyTypedQuantityIsAFinalWrapperOfOneFinalDouble() {
        Class<?>[] permitted = Measure.class.getPermittedSubclasses();
        assertThat(permitted).hasSizeGreaterThanOrEqualTo(Catalog.KINDS.size() + 2);
        int typed = 0;
        for (Class<?> c : permitted) {
            if (c == CustomQuantity.class) {
                // The base class of user-defined kinds (non-sealed, abstract); CustomQuantityShapeTest covers it.
                continue;
            }
            assertThat(Modifier.isFinal(c.getModifiers())).as("%s is final", c).isTrue();
            if (c == Quantity.class) {
                continue;
            }
            List<Field> instanceFields = Arrays.stream(c.getDeclaredFields())
                    .filter(f -> !Modifier.isStatic(f.getModifiers()))
                    .toList();
            assertThat(instanceFields)
                    .as("%s instance fields", c.getSimpleName())
                    .hasSize(1);
            Field f = instanceFields.get(0);
            assertThat(f.getType()).isEqualTo(double.class);
            assertThat(Modifier.isFinal(f.getModifiers()) && Modifier.isPrivate(f.getModifiers()))
                    .isTrue();
            assertThat(Arrays.stream(c.getDeclaredConstructors()).allMatch(k -> Modifier.isPrivate(k.getModifiers())))
                    .as("%s constructors are private", c.getSimpleName())
                    .isTrue();
            typed++;
        }
        assertThat(typed).isEqualTo(Catalog.KINDS.size());
    }

    @Test
    void everyKindHasItsCoherentUnitNamed() {
        for (Kind<?> k : Catalog.KINDS) {
            boolean named = Catalog.UNITS.stream().anyMatch(u -> u.kind() == k && u.factor() == 1.0);
            assertThat(named).as("%s has a unit with factor 1", k).isTrue();
        }
    }
}
