package org.trialfhir.server;

public class TrialFhirApplication {
	public static void main(String[] args) {
	}
}
