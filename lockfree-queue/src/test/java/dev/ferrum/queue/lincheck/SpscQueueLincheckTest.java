package dev.ferrum.queue.lincheck;

import org.jetbrains.kotlinx.lincheck.LinChecker;
import org.jetbrains.kotlinx.lincheck.annotations.Operation;
import org.jetbrains.kotlinx.lincheck.annotations.Param;
import org.jetbrains.kotlinx.lincheck.paramgen.IntGen;
import org.jetbrains.kotlinx.lincheck.strategy.managed.modelchecking.ModelCheckingOptions;
import org.jetbrains.kotlinx.lincheck.strategy.stress.StressOptions;
import org.junit.jupiter.api.Test;

import dev.ferrum.queue.SpscQueue;

@Param(name = "element", gen = IntGen.class, conf = "1:9")
public class SpscQueueLincheckTest {

    private final SpscQueue<Integer> queue = new SpscQueue<>(2);

    @Operation(nonParallelGroup = "producer")
    public boolean offer(@Param(name = "element") int element) {
        return queue.offer(element);
    }

    @Operation(nonParallelGroup = "consumer")
    public Integer poll() {
        return queue.poll();
    }

    @Operation(nonParallelGroup = "consumer")
    public Integer peek() {
        return queue.peek();
    }

    @Test
    void modelChecking() {
        LinChecker.check(SpscQueueLincheckTest.class, new ModelCheckingOptions().iterations(30));
    }

    @Test
    void stress() {
        LinChecker.check(SpscQueueLincheckTest.class, new StressOptions().iterations(30));
    }
}
