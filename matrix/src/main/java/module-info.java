/**
 * Ferrum Matrix: matrices whose dimensions are part of the type.
 *
 * <p>The SIMD multiply kernels use the incubating Vector API. On the module path the {@code requires} below
 * resolves {@code jdk.incubator.vector} (the JVM prints its one-line incubator warning). On the class path the
 * module is resolved only with {@code --add-modules jdk.incubator.vector}; without it the library looks the module
 * up in the boot layer, does not find it, and runs every product on its scalar kernels. No other flag is needed
 * (in particular no {@code --enable-native-access}: the library makes no restricted FFM calls).
 */
module dev.ferrum.matrix {
    requires jdk.incubator.vector;

    exports dev.ferrum.matrix;
}
