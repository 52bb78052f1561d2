/**
 * Ferrum Units: compile-time-checked physical quantities.
 */
module dev.ferrum.units {
    exports dev.ferrum.units;
}
