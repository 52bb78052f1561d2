/**
 * Ferrum Matrix: matrices whose dimensions are part of the type.
 */
module dev.ferrum.matrix {
    exports dev.ferrum.matrix;
}
