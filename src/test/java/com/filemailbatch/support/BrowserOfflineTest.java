package com.filemailbatch.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The browser needs no network beyond loopback, and tries none. A child JVM starts it in a network namespace of its
 * own, where only loopback exists and every other address is routed into loopback and dropped there (nothing can
 * leave the machine, yet a connect or send to any address goes through, so that it shows). strace records each
 * connect and each send or write on a socket, by the JVM, ChromeDriver and Chromium, with the socket's addresses.
 * The page must load, and no call may reach beyond loopback, but for one that sends nothing: connecting a UDP
 * socket, with which Chromium asks the kernel whether an IPv6 route exists (its "IPv6 reachability probe"). Needs
 * root for the namespace, as on the developers' machines and CI, and util-linux's unshare, iproute2's ip and strace.
 */
class BrowserOfflineTest {

    /**
     * strace's line: thread id, call, the descriptor and, for a socket, its protocol and addresses. strace pads the
     * thread id to the width of the largest one it has seen, so one or more spaces follow it.
     */
    private static final Pattern CALL = Pattern.compile(
            "^\\d+\\s+(connect|sendto|sendmsg|sendmmsg|write|writev)\\(\\d+(?:<(TCP|UDP)(?:v6)?:\\[(.*?)\\]>)?");
    /** The peer in a connected socket's addresses: {@code 1.2.3.4:5->6.7.8.9:10} or {@code [::1]:5->[::1]:10}. */
    private static final Pattern PEER = Pattern.compile("->\\[?([^\\]\\s]+?)\\]?:\\d+$");
    /** An address given to the call (connect's, sendto's): strace writes it out. */
    private static final Pattern ADDRESS = Pattern.compile(
            "inet_addr\\(\"([^\"]+)\"\\)|inet_pton\\(AF_INET6, \"([^\"]+)\"");

    @TempDir
    Path dir;

    @Test
    void theBrowserStartsAndLoadsALoopbackPageWithNoNetworkAndReachesForNone() throws Exception {
        Path trace = dir.resolve("network.trace");
        Path output = dir.resolve("child.out");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = List.of("unshare", "--net", "sh", "-c",
                "ip link set lo up && ip route add default dev lo && ip -6 route add default dev lo "
                        + "&& exec strace -f -yy -qq --seccomp-bpf -e trace=connect,sendto,sendmsg,sendmmsg,write,writev "
                        + "-e signal=none -o \"$0\" \"$1\" -cp \"$2\" " + OfflineBrowserCheck.class.getName(),
                trace.toString(), java, System.getProperty("java.class.path"));
        Process child = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        // Generous: a busy machine slows the child's start, never fails the test.
        boolean ended = child.waitFor(5, TimeUnit.MINUTES);
        if (!ended) {
            child.destroyForcibly();
        }
        String printed = Files.readString(output, StandardCharsets.UTF_8);

        assertThat(ended).as("the offline browser check ended; it printed:%n%s", printed).isTrue();
        assertThat(child.exitValue()).as("exit code of the offline browser check (needs root, unshare, ip, strace, "
                + "Chromium); it printed:%n%s", printed).isZero();
        assertThat(printed).contains(OfflineBrowserCheck.RESULT + "Script ran: 42");
        Calls calls = calls(trace);
        assertThat(calls.loopback()).as("calls to loopback addresses: the trace saw the driver talk to the browser")
                .isNotEmpty();
        assertThat(calls.beyondLoopback()).as("calls that reach beyond loopback").isEmpty();
    }

    /** The traced calls that name an IP address: to loopback, and beyond it. */
    private record Calls(List<String> loopback, List<String> beyondLoopback) {
    }

    private static Calls calls(Path trace) throws IOException {
        List<String> loopback = new ArrayList<>();
        List<String> beyond = new ArrayList<>();
        for (String line : Files.readAllLines(trace, StandardCharsets.UTF_8)) {
            Matcher call = CALL.matcher(line);
            if (!call.find() || call.group(1).equals("connect") && "UDP".equals(call.group(2))) {
                // Not a network call (a file, a pipe, a local socket), or a UDP connect: it sends nothing.
                continue;
            }
            List<String> addresses = new ArrayList<>();
            if (call.group(3) != null) {
                Matcher peer = PEER.matcher(call.group(3));
                if (peer.find()) {
                    addresses.add(peer.group(1));
                }
            }
            Matcher given = ADDRESS.matcher(line);
            while (given.find()) {
                addresses.add(given.group(1) != null ? given.group(1) : given.group(2));
            }
            if (addresses.isEmpty()) {
                continue;
            }
            (addresses.stream().allMatch(BrowserOfflineTest::isLoopback) ? loopback : beyond).add(line);
        }
        return new Calls(loopback, beyond);
    }

    private static boolean isLoopback(String address) {
        return address.startsWith("127.") || address.equals("::1") || address.startsWith("::ffff:127.");
    }
}
