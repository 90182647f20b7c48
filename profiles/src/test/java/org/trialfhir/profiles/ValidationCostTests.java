package org.trialfhir.profiles;

import java.util.List;

import ca.uhn.fhir.context.FhirContext;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Measures what validation costs: building the chain, the first validation (snapshot
 * generation, cache warm-up) and the steady state per resource. Prints the figures; fails
 * only if validation gets unreasonably slow.
 */
class ValidationCostTests {

	private static final int WARM_UP_ROUNDS = 3;

	private static final int ROUNDS = 10;

	@Test
	void validationIsCheapOnceWarm() {
		FhirContext fhirContext = FhirContext.forR4Cached();
		List<Resource> examples = IgPackage.examples();

		long start = System.nanoTime();
		TrialResourceValidator validator = TrialResourceValidator.create(fhirContext);
		long built = System.nanoTime();
		assertThat(validator.validate(examples.get(0)).isSuccessful()).isTrue();
		long firstDone = System.nanoTime();
		for (int round = 0; round < WARM_UP_ROUNDS; round++) {
			for (Resource example : examples) {
				validator.validate(example);
			}
		}
		long warm = System.nanoTime();
		int count = 0;
		for (int round = 0; round < ROUNDS; round++) {
			for (Resource example : examples) {
				validator.validate(example);
				count++;
			}
		}
		long end = System.nanoTime();

		double buildMs = (built - start) / 1e6;
		double firstMs = (firstDone - built) / 1e6;
		double warmUpMs = (warm - firstDone) / 1e6;
		double perResourceMs = (end - warm) / 1e6 / count;
		System.out.printf(
				"[validation cost] chain built in %.0f ms; first validation %.0f ms; %d warm-up passes over %d "
						+ "examples %.0f ms; steady state %.2f ms per resource (%d validations)%n",
				buildMs, firstMs, WARM_UP_ROUNDS, examples.size(), warmUpMs, perResourceMs, count);
		assertThat(perResourceMs).isLessThan(250);
	}

}
