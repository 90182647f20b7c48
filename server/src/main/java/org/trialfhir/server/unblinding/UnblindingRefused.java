package org.trialfhir.server.unblinding;

/**
 * An unblinding that cannot be done; nothing is stored.
 */
public class UnblindingRefused extends RuntimeException {

	private static final long serialVersionUID = 1L;

	/** Why. */
	public enum Kind {

		/** The request is malformed (no reason). */
		BAD_REQUEST,
		/** The subject cannot be unblinded (no arm assigned). */
		NOT_UNBLINDABLE

	}

	private final Kind kind;

	/**
	 * @param kind why
	 * @param message what, for the caller
	 */
	public UnblindingRefused(Kind kind, String message) {
		super(message);
		this.kind = kind;
	}

	/**
	 * @return why
	 */
	public Kind kind() {
		return this.kind;
	}

}
