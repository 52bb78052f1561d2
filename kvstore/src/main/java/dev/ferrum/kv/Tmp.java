package dev.ferrum.kv;

/** Temporary. */
public final class Tmp {
    private Tmp() {
    }
}
