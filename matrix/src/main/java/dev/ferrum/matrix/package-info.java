/**
 * Ferrum Matrix: matrices whose dimensions are part of the type.
 */
package dev.ferrum.matrix;
