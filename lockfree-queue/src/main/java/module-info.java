/**
 * Ferrum Lock-free Queue: SPSC/MPMC lock-free queues and an off-heap ring buffer.
 */
module dev.ferrum.queue {
    exports dev.ferrum.queue;
}
