/**
 * Ferrum Units: physical quantities whose dimensions are checked by javac and which cost no more than
 * {@code double}s once the JIT has compiled them.
 *
 * <pre>{@code
 * Length distance = Length.kilometres(100);
 * Time time = Time.hours(2);
 * Velocity speed = distance.div(time);           // Length / Time = Velocity
 * Length back = speed.times(Time.minutes(30));   // Velocity × Time = Length
 * // distance.plus(time)          -- does not compile
 * // Force f = distance.div(time) -- does not compile: Velocity is not Force
 * Acceleration g = Acceleration.parse("9.81 m/s^2");   // run-time dimension check
 * }</pre>
 *
 * <p>One class per kind of quantity ({@link Length}, {@link Velocity}, {@link Force} ...), generated at build
 * time from {@code src/main/dimensions/dimensions.txt} together with the table of {@code times}/{@code div}
 * overloads; {@link Quantity} carries its {@link Dimension} at run time for values read from text or files.
 * {@link Units} holds the named units; {@link TemperaturePoint} handles the affine temperature scales. Plane
 * angle is a dimension of its own ({@link Dimension#angle()}): {@code Angle / Time} is an
 * {@link AngularVelocity}, not a {@link Frequency}. Users add units with {@link Unit#define} and
 * {@link Unit#register}, and kinds with {@link Kind#define} and {@link CustomQuantity}, without rebuilding.
 *
 * <p>The module needs no JVM flags (no restricted methods, no incubator modules). All types are immutable and
 * thread-safe; the unit-symbol and kind registries are thread-safe.
 */
package dev.ferrum.units;
