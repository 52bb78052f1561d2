package dev.ferrum.units;

/** Temporary. */
public final class Tmp {
    private Tmp() {
    }
}
