package dev.ferrum.queue;

/** Temporary. */
public final class Tmp {
    private Tmp() {
    }
}
