package com.filemailbatch.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/** A task runs with the log context of the thread that submitted it; its worker thread gets its own back. */
class MdcTaskDecoratorTest {

    private final ExecutorService worker = Executors.newSingleThreadExecutor();

    @AfterEach
    void stop() {
        worker.shutdownNow();
        MDC.clear();
    }

    @Test
    void aTaskCarriesTheSubmittersContextAndLeavesTheWorkersOwn() throws Exception {
        worker.submit(() -> MDC.put("worker", "own")).get();
        MDC.put(RunLogContext.RUN_ID, "7");
        MDC.put(RunLogContext.STEP, "initializeTransfersStep");
        AtomicReference<Map<String, String>> seen = new AtomicReference<>();

        worker.submit(new MdcTaskDecorator().decorate(() -> seen.set(MDC.getCopyOfContextMap()))).get();

        assertThat(seen.get()).isEqualTo(Map.of(RunLogContext.RUN_ID, "7", RunLogContext.STEP,
                "initializeTransfersStep"));
        assertThat(worker.submit(MDC::getCopyOfContextMap).get()).isEqualTo(Map.of("worker", "own"));
    }

    @Test
    void aTaskSubmittedOutsideARunRunsWithoutContext() throws Exception {
        worker.submit(() -> MDC.put(RunLogContext.RUN_ID, "stale")).get();
        AtomicReference<String> runId = new AtomicReference<>("unset");

        worker.submit(new MdcTaskDecorator().decorate(() -> runId.set(MDC.get(RunLogContext.RUN_ID)))).get();

        assertThat(runId.get()).isNull();
    }
}
