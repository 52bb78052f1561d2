package dev.ferrum.matrix;

/** Temporary. */
public final class Tmp {
    private Tmp() {
    }
}
