package com.filemailbatch.liveness;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** The host name and process id this JVM is known by in {@code run_owner}. */
final class ThisProcess {

    static final String HOST = hostName();
    static final long PID = ProcessHandle.current().pid();

    private ThisProcess() {
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown-host";
        }
    }

    /** Whether a process of this host with that pid still runs (a pid reused by another program counts as alive). */
    static boolean isAlive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }
}
