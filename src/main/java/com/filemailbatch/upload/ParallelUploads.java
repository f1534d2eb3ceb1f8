package com.filemailbatch.upload;

import com.filemailbatch.logging.MdcTaskDecorator;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Runs the uploads of one transfer's files on a few threads of their own, fail-fast: after the first failure the
 * rest are cancelled (running ones interrupted) and awaited, so no upload outlives the call that started it.
 */
final class ParallelUploads {

    private static final AtomicInteger POOLS = new AtomicInteger();

    private final int threads;

    ParallelUploads(int threads) {
        this.threads = threads;
    }

    List<UploadedFile> run(List<LocalFile> files, Function<LocalFile, UploadedFile> upload) {
        ExecutorService executor = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, files.size())),
                namedThreads());
        try {
            // Each upload's log lines carry the run and the step of the thread that started it.
            MdcTaskDecorator logContext = new MdcTaskDecorator();
            ExecutorCompletionService<UploadedFile> completion = new ExecutorCompletionService<>(
                    task -> executor.execute(logContext.decorate(task)));
            List<Future<UploadedFile>> futures = new ArrayList<>();
            for (LocalFile file : files) {
                futures.add(completion.submit(() -> upload.apply(file)));
            }
            RuntimeException failure = null;
            List<UploadedFile> uploaded = new ArrayList<>();
            for (int done = 0; done < futures.size(); done++) {
                try {
                    completion.take().get();
                } catch (ExecutionException e) {
                    boolean first = failure == null;
                    failure = firstOrSuppressed(failure, e.getCause());
                    if (first) {
                        futures.forEach(future -> future.cancel(true));
                    }
                } catch (CancellationException cancelled) {
                    // Cancelled after the first failure: that failure is what the caller hears of.
                }
            }
            if (failure != null) {
                throw failure;
            }
            for (Future<UploadedFile> future : futures) {
                uploaded.add(future.get());
            }
            return uploaded;
        } catch (ExecutionException e) {
            throw new IllegalStateException("Every upload succeeded, yet one has no result", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("Interrupted while uploading " + files.size() + " files");
        } finally {
            executor.shutdownNow();
            awaitQuietly(executor);
        }
    }

    /** The first failure is thrown; later ones (often caused by the cancelling) ride along as suppressed. */
    private static RuntimeException firstOrSuppressed(RuntimeException first, Throwable next) {
        if (first == null) {
            return next instanceof RuntimeException runtime ? runtime : new IllegalStateException(next);
        }
        if (next != first && !(next instanceof CancellationException)) {
            first.addSuppressed(next);
        }
        return first;
    }

    private static void awaitQuietly(ExecutorService executor) {
        try {
            executor.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ThreadFactory namedThreads() {
        int pool = POOLS.incrementAndGet();
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "file-upload-" + pool + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
