package org.trialfhir.server.security;

import java.util.EnumSet;
import java.util.Set;

/**
 * What a caller may do with resources of one type, in the letters of SMART App Launch v2
 * scopes ({@code c r u d s}).
 */
enum Permission {

	/** {@code c}: create. */
	CREATE('c'),
	/** {@code r}: read and vread. */
	READ('r'),
	/** {@code u}: update and patch. */
	UPDATE('u'),
	/** {@code d}: delete. */
	DELETE('d'),
	/** {@code s}: search. */
	SEARCH('s');

	private final char letter;

	Permission(char letter) {
		this.letter = letter;
	}

	/**
	 * @param letters e.g. {@code rs} or {@code cruds}, or SMART v1 {@code read},
	 * {@code write}, {@code *}
	 * @return the permissions, empty when the text is not a permission string
	 */
	static Set<Permission> parse(String letters) {
		switch (letters) {
			case "*":
				return EnumSet.allOf(Permission.class);
			case "read":
				return EnumSet.of(READ, SEARCH);
			case "write":
				return EnumSet.of(CREATE, UPDATE, DELETE);
			default:
				break;
		}
		EnumSet<Permission> permissions = EnumSet.noneOf(Permission.class);
		for (char letter : letters.toCharArray()) {
			Permission permission = ofLetter(letter);
			if (permission == null) {
				return EnumSet.noneOf(Permission.class);
			}
			permissions.add(permission);
		}
		return permissions;
	}

	private static Permission ofLetter(char letter) {
		for (Permission permission : values()) {
			if (permission.letter == letter) {
				return permission;
			}
		}
		return null;
	}

}
