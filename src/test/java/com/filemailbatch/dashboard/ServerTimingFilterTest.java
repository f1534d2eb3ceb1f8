package com.filemailbatch.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * The header is added before any of the body reaches the container, whatever way the body is written, and the body
 * arrives unchanged.
 */
class ServerTimingFilterTest {

    private static final String TIMING = "app;dur=\\d+\\.\\d{3}";

    private final MockHttpServletRequest request = new MockHttpServletRequest("GET", "/runs");
    private final RecordingResponse response = new RecordingResponse();

    @Test
    void aPageWrittenThroughTheWriterIsHeldUntilItsEndAndKeepsItsEncoding() throws Exception {
        filter((req, res) -> {
            res.setContentType("text/html;charset=UTF-8");
            PrintWriter writer = res.getWriter();
            writer.print("<p>Zürich → ");
            writer.println("日本</p>");
        });

        assertThat(response.getHeader("Server-Timing")).matches(TIMING);
        assertThat(response.headerBeforeFirstWrite).isTrue();
        assertThat(response.getContentAsString()).isEqualTo("<p>Zürich → 日本</p>" + System.lineSeparator());
    }

    @Test
    void aBodyLargerThanWhatIsHeldStillGetsTheHeaderBeforeItsFirstByte() throws Exception {
        byte[] body = new byte[TimedResponse.HELD * 3 + 17];
        Arrays.fill(body, (byte) 'x');
        filter((req, res) -> {
            ServletOutputStream out = res.getOutputStream();
            for (int offset = 0; offset < body.length; offset += 1000) {
                out.write(body, offset, Math.min(1000, body.length - offset));
            }
        });

        assertThat(response.getHeader("Server-Timing")).matches(TIMING);
        assertThat(response.headerBeforeFirstWrite).isTrue();
        assertThat(response.getContentAsByteArray()).isEqualTo(body);
    }

    @Test
    void aFlushSendsTheHeaderAndWhatWasWrittenSoFar() throws Exception {
        List<String> seenAtFlush = new ArrayList<>();
        filter((req, res) -> {
            res.getOutputStream().write("first".getBytes(StandardCharsets.US_ASCII));
            res.flushBuffer();
            seenAtFlush.add(response.getContentAsString());
            seenAtFlush.add(response.getHeader("Server-Timing"));
            res.getOutputStream().write(" second".getBytes(StandardCharsets.US_ASCII));
        });

        assertThat(seenAtFlush.get(0)).isEqualTo("first");
        assertThat(seenAtFlush.get(1)).matches(TIMING);
        assertThat(response.getContentAsString()).isEqualTo("first second");
        assertThat(response.getHeaders("Server-Timing")).hasSize(1);
    }

    @Test
    void anErrorDropsWhatWasHeldAndCarriesTheHeader() throws Exception {
        filter((req, res) -> {
            res.getWriter().write("half a page");
            ((HttpServletResponse) res).sendError(404);
        });

        assertThat(response.getStatus()).isEqualTo(404);
        assertThat(response.getHeader("Server-Timing")).matches(TIMING);
        assertThat(response.getContentAsString()).isEmpty();
    }

    @Test
    void aResponseWithoutBodyIsTimedToo() throws Exception {
        filter((req, res) -> ((HttpServletResponse) res).setStatus(204));

        assertThat(response.getHeader("Server-Timing")).matches(TIMING);
    }

    @Test
    void theValueIsInMillisecondsWithMicroseconds() {
        assertThat(ServerTimingFilter.value(12_345_678)).isEqualTo("app;dur=12.346");
        assertThat(ServerTimingFilter.value(0)).isEqualTo("app;dur=0.000");
    }

    @Test
    void registeredOnlyInAServletWebApplication() {
        new WebApplicationContextRunner().withUserConfiguration(ServerTimingFilter.class)
                .run(context -> assertThat(context).hasSingleBean(ServerTimingFilter.class));
        new ApplicationContextRunner().withUserConfiguration(ServerTimingFilter.class)
                .run(context -> assertThat(context).doesNotHaveBean(ServerTimingFilter.class));
    }

    private void filter(FilterChain chain) throws Exception {
        new ServerTimingFilter().doFilter(request, response, chain);
    }

    /** Remembers whether the header was there when the first byte or character of the body arrived. */
    private static final class RecordingResponse extends MockHttpServletResponse {

        Boolean headerBeforeFirstWrite;

        @Override
        public ServletOutputStream getOutputStream() {
            ServletOutputStream out = super.getOutputStream();
            return new ServletOutputStream() {
                @Override
                public void write(int b) throws IOException {
                    seen();
                    out.write(b);
                }

                @Override
                public void write(byte[] bytes, int offset, int length) throws IOException {
                    seen();
                    out.write(bytes, offset, length);
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setWriteListener(WriteListener listener) {
                }
            };
        }

        @Override
        public PrintWriter getWriter() throws UnsupportedEncodingException {
            PrintWriter writer = super.getWriter();
            return new PrintWriter(writer) {
                @Override
                public void write(String text, int offset, int length) {
                    seen();
                    super.write(text, offset, length);
                }

                @Override
                public void write(char[] chars, int offset, int length) {
                    seen();
                    super.write(chars, offset, length);
                }
            };
        }

        private void seen() {
            if (headerBeforeFirstWrite == null) {
                headerBeforeFirstWrite = containsHeader("Server-Timing");
            }
        }
    }
}
