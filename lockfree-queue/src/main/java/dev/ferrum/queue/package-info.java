/**
 * Ferrum Lock-free Queue: SPSC/MPMC lock-free queues and an off-heap ring buffer.
 */
package dev.ferrum.queue;
