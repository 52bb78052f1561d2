package dev.ferrum.parser;

/** Temporary. */
public final class Tmp {
    private Tmp() {
    }
}
