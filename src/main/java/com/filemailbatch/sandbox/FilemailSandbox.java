package com.filemailbatch.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;

/**
 * An embedded stand-in for the Filemail REST API v2 on a free loopback port, for the CLI's
 * {@code --sandbox} flag and for tests. It validates requests against Filemail's published OpenAPI
 * schemas, keeps transfers and uploads for the life of the instance, and answers with Filemail's envelopes.
 *
 * <p>Endpoints, relative to {@link #baseUrl()}: {@code POST /transfer/initialize},
 * {@code PUT /transfer/cancel}, {@code PUT /transfer/complete}, {@code POST /savefile.ashx},
 * {@code GET /transfer/{id}}, {@code GET /transfer/sent}. Every request needs an {@code x-api-version}
 * header; every request but uploads also needs {@code x-api-key:} {@link #apiKey()}. Uploads are authorised
 * by their {@code transferid} and {@code transferkey} alone, as real clients send no API key to the file server.
 *
 * <p>Tests (and {@code --sandbox} users) can make it misbehave: {@link #respondNext} queues exact error
 * answers, {@link #setLatency}, {@link #setUnavailable} and {@link #setFaults} (random transient faults and
 * lost initialize answers, see {@link SandboxFaults}) prove a client survives a bad day.
 */
public final class FilemailSandbox implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor;
    private final URI baseUrl;
    private final String apiKey;
    private final SandboxState state = new SandboxState();
    private final SandboxControls controls = new SandboxControls();
    private final RequestJournal journal = new RequestJournal();

    private FilemailSandbox(SandboxOptions options) throws IOException {
        this.apiKey = options.apiKey();
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 128);
        this.baseUrl = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        this.executor = Executors.newFixedThreadPool(options.threads(), daemonThreads());
        TransferHandlers transfers = new TransferHandlers(state, new JsonRequests(OpenApiSchemas.load()), baseUrl);
        UploadHandler uploads = new UploadHandler(state, options.storeUploads());
        server.createContext("/", new SandboxRouter(apiKey, transfers, uploads, controls, journal));
        controls.faults().set(options.faults());
        server.setExecutor(executor);
        server.start();
    }

    /** Starts a sandbox with {@link SandboxOptions#defaults()}. */
    public static FilemailSandbox start() {
        return start(SandboxOptions.defaults());
    }

    static {
        // Without TCP_NODELAY a small answer waits on the client's delayed ACK, which adds to every request.
        // Read once, when the JDK's server configuration class loads, so it is set before the first server.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    public static FilemailSandbox start(SandboxOptions options) {
        try {
            return new FilemailSandbox(options);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the Filemail sandbox", e);
        }
    }

    /** {@code http://127.0.0.1:<port>}, without a trailing slash. */
    public URI baseUrl() {
        return baseUrl;
    }

    public String apiKey() {
        return apiKey;
    }

    /** One line for logs and the console, so no one mistakes a sandbox run for a real one. */
    public String banner() {
        String banner = "SANDBOX: using the embedded Filemail stand-in at " + baseUrl + " — nothing is sent to Filemail";
        SandboxFaults faults = faults();
        // A run that meets injected faults must not be read as a real service being flaky.
        return faults.isNone() ? banner : banner + String.format(java.util.Locale.ROOT,
                " (injecting faults: %.0f%% transient, %.0f%% of initialize answers dropped)",
                faults.transientShare() * 100, faults.dropAfterCreateShare() * 100);
    }

    /** Every request received so far, in arrival order. */
    public List<RecordedRequest> requests() {
        return journal.list();
    }

    public void clearRequests() {
        journal.clear();
    }

    /** Every transfer created through this sandbox, oldest first, including cancelled and expired ones. */
    public List<SandboxTransfer> transfers() {
        return state.all().stream().sorted(Comparator.comparingLong(TransferEntry::sequence))
                .map(TransferEntry::snapshot).toList();
    }

    /**
     * How many {@code POST /transfer/initialize} requests created a transfer, including those whose answer a
     * {@link SandboxFaults#dropAfterCreateShare() drop after create} lost. Always {@code transfers().size()}:
     * transfers are never forgotten but by {@link #reset()}, which also restarts this count.
     */
    public int initializeCalls() {
        return state.all().size();
    }

    /** Transfers that are neither completed, cancelled nor expired: what a cleanup run should leave at 0. */
    public long liveTransferCount() {
        return state.all().stream().filter(t -> t.status() == SandboxTransfer.Status.INITIALIZED).count();
    }

    /** Marks a transfer expired, whatever its state. */
    public void expire(String transferId) {
        TransferEntry entry = state.get(transferId);
        if (entry == null) {
            throw new IllegalArgumentException("Unknown sandbox transfer " + transferId);
        }
        entry.expire();
    }

    /**
     * Queues an error answer for the next request with this method and path (e.g. {@code "PUT"},
     * {@code "/transfer/cancel"}); it wins over every other check. Call it N times for N answers.
     */
    public void respondNext(String method, String path, int httpStatus, String responsestatus, String errormessage) {
        respondNext(method, path, httpStatus, responsestatus, errormessage, null);
    }

    /**
     * Like {@link #respondNext(String, String, int, String, String)}, and the answer carries a
     * {@code Retry-After} header of {@code retryAfter} in whole seconds, rounded up (none when null).
     */
    public void respondNext(String method, String path, int httpStatus, String responsestatus, String errormessage,
            Duration retryAfter) {
        if (retryAfter != null && retryAfter.isNegative()) {
            throw new IllegalArgumentException("retryAfter must not be negative, was " + retryAfter);
        }
        controls.enqueue(new ScriptedAnswer(method, path, httpStatus, responsestatus, errormessage, retryAfter,
                new AtomicInteger()));
    }

    /**
     * Like {@link #respondNext(String, String, int, String, String)}, but the answer goes to the matching request
     * that follows the next {@code skip} ones (those are answered as usual): with concurrent calls, which row gets
     * it varies, how many calls went before it does not.
     */
    public void respondAfter(int skip, String method, String path, int httpStatus, String responsestatus,
            String errormessage) {
        if (skip < 0) {
            throw new IllegalArgumentException("skip must not be negative, was " + skip);
        }
        controls.enqueue(new ScriptedAnswer(method, path, httpStatus, responsestatus, errormessage, null,
                new AtomicInteger(skip)));
    }

    /**
     * Replaces the random faults from the next request on, and restarts their draws from the seed; the
     * counters of {@link #injectedFaults()} keep counting. {@link SandboxFaults#none()} (or null) stops them.
     * Scripted {@link #respondNext answers} and {@link #setUnavailable unavailability} win over faults.
     */
    public void setFaults(SandboxFaults faults) {
        controls.faults().set(faults);
    }

    /** The random faults in force. */
    public SandboxFaults faults() {
        return controls.faults().faults();
    }

    /** The faults injected so far (since start or {@link #reset()}). */
    public InjectedFaults injectedFaults() {
        return controls.faults().injected();
    }

    /** Delay added before each answer. */
    public void setLatency(Duration latency) {
        controls.setLatency(latency);
    }

    /**
     * While true, every request's connection is closed without any answer (no status line), which a
     * {@code java.net.http} client sees as an {@link IOException}. Such requests are journalled with status 0.
     */
    public void setUnavailable(boolean unavailable) {
        controls.setUnavailable(unavailable);
    }

    /** The most requests this sandbox was answering at the same moment (since start or {@link #reset()}). */
    public int maxConcurrentRequests() {
        return controls.maxInFlight();
    }

    /**
     * Back to a new sandbox's state: no transfers (their uploaded files deleted), no recorded requests, no latency,
     * faults, fault counts or scripted answers. Faults given in {@link SandboxOptions} are cleared too; set them
     * again if needed.
     */
    public void reset() {
        controls.reset();
        journal.clear();
        state.clear();
    }

    /** Where received chunks are stored, for tests of this package. */
    java.nio.file.Path uploadRoot() {
        return state.uploadRoot();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        state.deleteFiles();
    }

    private static java.util.concurrent.ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "filemail-sandbox-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
