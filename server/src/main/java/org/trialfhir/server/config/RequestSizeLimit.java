package org.trialfhir.server.config;

import java.io.IOException;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.server.exceptions.PayloadTooLargeException;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

import org.springframework.util.unit.DataSize;

/**
 * Refuses request bodies larger than {@code trial.fhir.max-request-size} with
 * {@code 413 Payload Too Large} and an OperationOutcome, before anything is parsed or
 * stored. As a HAPI interceptor it checks a declared {@code Content-Length} up front; as
 * a servlet filter it counts a chunked body while HAPI reads it, so the limit also holds
 * for requests that declare no length.
 */
@Interceptor
class RequestSizeLimit implements Filter {

	private final long maxBytes;

	RequestSizeLimit(DataSize maxRequestSize) {
		this.maxBytes = maxRequestSize.toBytes();
	}

	@Hook(Pointcut.SERVER_INCOMING_REQUEST_PRE_PROCESSED)
	boolean checkDeclaredLength(HttpServletRequest request) {
		if (request.getContentLengthLong() > maxBytes) {
			throw tooLarge();
		}
		return true;
	}

	@Override
	public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
			throws IOException, ServletException {
		chain.doFilter(new LimitedRequest((HttpServletRequest) request), response);
	}

	private PayloadTooLargeException tooLarge() {
		return new PayloadTooLargeException("Request body exceeds the limit of " + maxBytes + " bytes");
	}

	private final class LimitedRequest extends HttpServletRequestWrapper {

		private ServletInputStream limited;

		LimitedRequest(HttpServletRequest request) {
			super(request);
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			if (limited == null) {
				limited = new CountingStream(super.getInputStream());
			}
			return limited;
		}

	}

	private final class CountingStream extends ServletInputStream {

		private final ServletInputStream delegate;

		private long count;

		CountingStream(ServletInputStream delegate) {
			this.delegate = delegate;
		}

		@Override
		public int read() throws IOException {
			int b = delegate.read();
			if (b >= 0) {
				add(1);
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = delegate.read(buffer, offset, length);
			if (n > 0) {
				add(n);
			}
			return n;
		}

		private void add(long n) {
			count += n;
			if (count > maxBytes) {
				throw tooLarge();
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
