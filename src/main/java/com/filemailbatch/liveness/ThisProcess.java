package com.filemailbatch.liveness;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** The host name and process id this JVM is known by in {@code run_owner}. */
public final class ThisProcess {

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

    /** The name of this machine. */
    public static String host() {
        return HOST;
    }

    /** This process as {@code pid@host}: who holds a claim. */
    public static String id() {
        return PID + "@" + HOST;
    }

    /**
     * Whether the process {@code pid@host} is known to be gone: it ran on this host and its pid no longer runs. A
     * process of another host is never known to be gone.
     */
    public static boolean isGone(String id) {
        int at = id == null ? -1 : id.indexOf('@');
        if (at < 1 || !id.substring(at + 1).equals(HOST)) {
            return false;
        }
        try {
            long pid = Long.parseLong(id.substring(0, at));
            return pid != PID && !isAlive(pid);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** Whether a process of this host with that pid still runs (a pid reused by another program counts as alive). */
    static boolean isAlive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }
}
