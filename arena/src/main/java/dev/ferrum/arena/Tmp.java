package dev.ferrum.arena;

/** Temporary. */
public final class Tmp {
    private Tmp() {
    }
}
