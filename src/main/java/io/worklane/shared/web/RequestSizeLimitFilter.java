package io.worklane.shared.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

/**
 * Refuses request bodies over the limit with 413, whether the client declared the length or streamed
 * the body chunked, before any of it is parsed. Upload endpoints declared as {@link LargeBodyPath}s
 * get their own, larger limit; multipart bodies anywhere else are refused with 415, because the
 * servlet container parses multipart bodies itself (past this filter's counting stream) up to the
 * largest upload limit.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class RequestSizeLimitFilter extends OncePerRequestFilter {

    private final long limit;
    private final ProblemWriter problems;
    private final List<LargeBodyPath> largeBodies;

    public RequestSizeLimitFilter(@Value("${worklane.http.max-body-size:1MB}") DataSize limit, ProblemWriter problems,
                                  List<LargeBodyPath> largeBodies) {
        this.limit = limit.toBytes();
        this.problems = problems;
        this.largeBodies = List.copyOf(largeBodies);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        LargeBodyPath large = largeBodies.stream().filter(l -> l.matches(request)).findFirst().orElse(null);
        if (large == null) {
            if (isMultipart(request)) {
                problems.write(request, response, Problems.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                        "unsupported-media-type", "Unsupported media type",
                        "multipart/form-data is accepted only where a file is uploaded; send this body as application/json."));
                return;
            }
            if (request.getContentLengthLong() > limit) {
                problems.write(request, response, new PayloadTooLargeException(limit).toProblemDetail());
                return;
            }
            // A request with neither a length nor chunked encoding has no body (RFC 9112 6.3): nothing to
            // limit, and one wrapper less for every later filter and handler lookup to call through.
            boolean bodyless = request.getContentLengthLong() <= 0 && request.getHeader("Transfer-Encoding") == null;
            chain.doFilter(bodyless ? request : new LimitedRequest(request, limit, null), response);
            return;
        }
        if (request.getContentLengthLong() > large.maxRequestBytes()) {
            problems.write(request, response, large.tooLarge().toProblemDetail());
            return;
        }
        request.setAttribute(LargeBodyPath.ATTRIBUTE, large);
        chain.doFilter(new LimitedRequest(request, large.maxRequestBytes(), large), response);
    }

    private static boolean isMultipart(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/");
    }

    private static final class LimitedRequest extends HttpServletRequestWrapper {

        private final long limit;
        private final LargeBodyPath large;
        private ServletInputStream stream;

        LimitedRequest(HttpServletRequest request, long limit, LargeBodyPath large) {
            super(request);
            this.limit = limit;
            this.large = large;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new LimitedStream(super.getInputStream(), limit, large);
            }
            return stream;
        }
    }

    private static final class LimitedStream extends ServletInputStream {

        private final ServletInputStream delegate;
        private final long limit;
        private final LargeBodyPath large;
        private long read;

        LimitedStream(ServletInputStream delegate, long limit, LargeBodyPath large) {
            this.delegate = delegate;
            this.limit = limit;
            this.large = large;
        }

        @Override
        public int read() throws IOException {
            int b = delegate.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = delegate.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws PayloadTooLargeException {
            read += n;
            if (read > limit) {
                throw large == null ? new PayloadTooLargeException(limit) : large.tooLarge();
            }
        }

        @Override
        public boolean isFinished() {
            return delegate.isFinished();
        }

        @Override
        public boolean isReady() {
            return delegate.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            delegate.setReadListener(listener);
        }
    }
}
