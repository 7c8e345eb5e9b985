package io.ticketing.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A TCP proxy on a free port of 127.0.0.1 that puts a delay of its own in front of a real server:
 * every chunk a client sends waits {@link #delay(Duration)} before it is passed on. Timings become
 * reproducible without sleeps in production code: "seat-lock answers, but slowly" is a proxy with
 * a delay in front of the real seat-lock; "the connection drops while PostgreSQL commits" is a
 * proxy told to cut the connection right after it passed on the {@code COMMIT}. One virtual thread
 * per direction of a connection.
 */
public final class FaultProxy implements AutoCloseable {

    private final ServerSocket server;
    private final String targetHost;
    private final int targetPort;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private volatile Duration delay = Duration.ZERO;
    private final ConcurrentLinkedQueue<Cut> armedCuts = new ConcurrentLinkedQueue<>();
    private final Set<String> blocked = ConcurrentHashMap.newKeySet();

    /**
     * A one-shot cut: at the next client chunk that contains {@code marker}, after or before passing
     * it on. Cuts armed one after another happen in that order: the second waits for the first.
     */
    private record Cut(byte[] marker, boolean afterForwarding) {
    }

    private FaultProxy(int listenPort, String targetHost, int targetPort) throws IOException {
        this.server = new ServerSocket(listenPort, 200, InetAddress.getLoopbackAddress());
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        Thread.ofVirtual().name("fault-proxy-accept").start(this::accept);
    }

    public static FaultProxy to(String host, int port) {
        return on(0, host, port);
    }

    /** A proxy on a given port (0: a free one), for a server started beforehand that was told that port. */
    public static FaultProxy on(int listenPort, String host, int port) {
        try {
            return new FaultProxy(listenPort, host, port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return server.getLocalPort();
    }

    public String url() {
        return "http://127.0.0.1:" + port();
    }

    /** From now on, every chunk from a client waits this long before it reaches the server. */
    public FaultProxy delay(Duration delay) {
        this.delay = delay;
        return this;
    }

    /**
     * The next chunk a client sends that contains {@code marker} reaches the server, and then the
     * connection is cut, both ways: the server does the work, the client never hears the answer.
     * Once only; other connections and later chunks pass as before.
     */
    public FaultProxy cutAfterForwarding(String marker) {
        armedCuts.add(new Cut(marker.getBytes(StandardCharsets.UTF_8), true));
        return this;
    }

    /** Like {@link #cutAfterForwarding}, but the chunk never reaches the server. */
    public FaultProxy cutBeforeForwarding(String marker) {
        armedCuts.add(new Cut(marker.getBytes(StandardCharsets.UTF_8), false));
        return this;
    }

    /**
     * From now on, every client chunk containing {@code marker} ends its connection before it reaches
     * the server, until {@link #disarm()}: a request the server must never see, however often it is sent.
     */
    public FaultProxy block(String marker) {
        blocked.add(marker);
        return this;
    }

    /** Forgets the cuts that have not happened, and what was blocked. */
    public FaultProxy disarm() {
        blocked.clear();
        armedCuts.clear();
        return this;
    }

    /** Whether every armed cut has happened. */
    public boolean cutsDone() {
        return armedCuts.isEmpty();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket upstream = new Socket(targetHost, targetPort);
                sockets.add(client);
                sockets.add(upstream);
                Thread.ofVirtual().start(() -> pump(client, upstream, true));
                Thread.ofVirtual().start(() -> pump(upstream, client, false));
            } catch (IOException e) {
                // closed, or the target refused: the client sees its connection end
            }
        }
    }

    private void pump(Socket from, Socket to, boolean delayed) {
        byte[] buffer = new byte[16384];
        boolean closeTarget = true;
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                Duration wait = delay;
                if (delayed && !wait.isZero()) {
                    Thread.sleep(wait);
                }
                if (delayed && isBlocked(buffer, n)) {
                    return;
                }
                Cut cut = delayed ? armedCuts.peek() : null;
                if (cut != null && contains(buffer, n, cut.marker()) && armedCuts.remove(cut)) {
                    if (cut.afterForwarding()) {
                        // The client side closes first, so that the server's answer can never reach it
                        // (closed after forwarding, a fast answer sometimes got through: the "lost"
                        // commit then looked like an ordinary one). Then the server gets the chunk and a
                        // clean end of input (FIN, not a reset that could discard it).
                        close(from);
                        out.write(buffer, 0, n);
                        out.flush();
                        to.shutdownOutput();
                        closeTarget = false;
                    }
                    return;
                }
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException | InterruptedException e) {
            // one side went away: so does the other
        } finally {
            close(from);
            if (closeTarget) {
                close(to);
            }
        }
    }

    private boolean isBlocked(byte[] buffer, int length) {
        for (String marker : blocked) {
            if (contains(buffer, length, marker.getBytes(StandardCharsets.UTF_8))) {
                return true;
            }
        }
        return false;
    }

    private static boolean contains(byte[] buffer, int length, byte[] marker) {
        outer:
        for (int start = 0; start + marker.length <= length; start++) {
            for (int i = 0; i < marker.length; i++) {
                if (buffer[start + i] != marker[i]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private void close(Socket socket) {
        sockets.remove(socket);
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            // already closed
        }
        sockets.forEach(this::close);
    }
}
