package com.sportsbook.commons.sql;

import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.SocketFactory;

/**
 * pgjdbc's {@code socketFactory}: counts round trips to the server, per thread. A round trip is a read from the
 * server after the driver has written to it: the driver sends a request (in one write or several, when it is large)
 * and then waits for the answer. The driver reads and writes on the thread running the statement, so other threads'
 * work on the same pool does not count.
 */
public final class CountingSocketFactory extends SocketFactory {

    private static final ThreadLocal<AtomicInteger> ROUND_TRIPS = ThreadLocal.withInitial(AtomicInteger::new);

    /** The JDBC URL with this factory making its connections' sockets (and no TLS, so the driver's own bytes count). */
    public static String countingOn(String jdbcUrl) {
        return jdbcUrl + (jdbcUrl.contains("?") ? "&" : "?") + "sslmode=disable&socketFactory=" + CountingSocketFactory.class.getName();
    }

    /** Round trips the calling thread has made so far, on any connection this factory made. */
    public static int roundTrips() {
        return ROUND_TRIPS.get().get();
    }

    @Override
    public Socket createSocket() {
        return new CountingSocket();
    }

    private static final class CountingSocket extends Socket {
        private volatile boolean sentSinceLastAnswer;
        private OutputStream out;
        private InputStream in;

        @Override
        public synchronized OutputStream getOutputStream() throws IOException {
            if (out == null) {
                out = new FilterOutputStream(super.getOutputStream()) {
                    @Override
                    public void write(byte[] bytes, int offset, int length) throws IOException {
                        sentSinceLastAnswer = true;
                        this.out.write(bytes, offset, length);
                    }

                    @Override
                    public void write(int b) throws IOException {
                        sentSinceLastAnswer = true;
                        this.out.write(b);
                    }
                };
            }
            return out;
        }

        @Override
        public synchronized InputStream getInputStream() throws IOException {
            if (in == null) {
                in = new FilterInputStream(super.getInputStream()) {
                    @Override
                    public int read() throws IOException {
                        answered();
                        return super.read();
                    }

                    @Override
                    public int read(byte[] bytes, int offset, int length) throws IOException {
                        answered();
                        return super.read(bytes, offset, length);
                    }
                };
            }
            return in;
        }

        private void answered() {
            if (sentSinceLastAnswer) {
                sentSinceLastAnswer = false;
                ROUND_TRIPS.get().incrementAndGet();
            }
        }
    }

    @Override
    public Socket createSocket(String host, int port) {
        throw unconnectedOnly();
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) {
        throw unconnectedOnly();
    }

    @Override
    public Socket createSocket(InetAddress host, int port) {
        throw unconnectedOnly();
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) {
        throw unconnectedOnly();
    }

    private static UnsupportedOperationException unconnectedOnly() {
        return new UnsupportedOperationException("pgjdbc connects an unconnected socket");
    }
}
