package com.filemailbatch.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Requests in the order they arrived. An entry is added just before its answer is written, so a client
 * that has its response can already see the request here.
 */
final class RequestJournal {

    private final AtomicLong arrivals = new AtomicLong();
    private final Map<Long, RecordedRequest> entries = new ConcurrentSkipListMap<>();

    long arrived() {
        return arrivals.incrementAndGet();
    }

    void record(long arrival, RecordedRequest request) {
        entries.put(arrival, request);
    }

    List<RecordedRequest> list() {
        return new ArrayList<>(entries.values());
    }

    void clear() {
        entries.clear();
    }
}
