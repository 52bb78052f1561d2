/**
 * Ferrum Units: compile-time-checked physical quantities.
 */
package dev.ferrum.units;
