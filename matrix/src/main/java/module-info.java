/**
 * Ferrum Matrix: matrices whose dimensions are part of the type.
 *
 * <p>The SIMD multiply kernel uses the incubating Vector API; applications that use this module
 * must start the JVM with {@code --add-modules jdk.incubator.vector} when on the class path
 * (on the module path the {@code requires} below resolves it).
 */
module dev.ferrum.matrix {
    requires jdk.incubator.vector;

    exports dev.ferrum.matrix;
}
