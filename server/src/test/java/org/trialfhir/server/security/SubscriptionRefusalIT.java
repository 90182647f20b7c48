package org.trialfhir.server.security;

import java.util.List;

import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleType;
import org.hl7.fhir.r4.model.Bundle.HTTPVerb;
import org.hl7.fhir.r4.model.Subscription;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.trialfhir.server.FhirServerIT;
import org.trialfhir.server.SampleResources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Nobody creates Subscriptions over the API (deliveries would bypass masking,
 * {@link RolePermissions}): a POST, or a transaction entry, by the administrator (all
 * other writes allowed) or the coordinator is refused with {@code 403}, and no
 * Subscription is stored. {@code RolePermissionIT} checks the status for every role; this
 * test also checks that nothing is stored.
 */
class SubscriptionRefusalIT extends FhirServerIT {

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "admin", "coordinator" })
	void creatingASubscriptionIsRefusedAndStoresNothing(String role) {
		String reason = "leak-" + role + "-" + SampleResources.uniqueId();

		assertThatThrownBy(() -> clientAs(role).create().resource(subscription(reason)).execute())
			.isInstanceOf(ForbiddenOperationException.class);
		Bundle transaction = new Bundle().setType(BundleType.TRANSACTION);
		transaction.addEntry()
			.setFullUrl("urn:uuid:" + SampleResources.uniqueId())
			.setResource(subscription(reason))
			.getRequest()
			.setMethod(HTTPVerb.POST)
			.setUrl("Subscription");
		assertThatThrownBy(() -> clientAs(role).transaction().withBundle(transaction).execute())
			.isInstanceOf(ForbiddenOperationException.class);

		List<Subscription> stored = client.search()
			.forResource(Subscription.class)
			.count(500)
			.returnBundle(Bundle.class)
			.execute()
			.getEntry()
			.stream()
			.map(entry -> (Subscription) entry.getResource())
			.toList();
		assertThat(stored).noneMatch(subscription -> reason.equals(subscription.getReason()));
		// the role writes other resources: the refusal is about Subscriptions
		assertThat(clientAs(role).create().resource(SampleResources.patient()).execute().getCreated()).isTrue();
	}

	private static Subscription subscription(String reason) {
		Subscription subscription = new Subscription();
		subscription.setStatus(Subscription.SubscriptionStatus.REQUESTED)
			.setCriteria("ResearchSubject?")
			.setReason(reason)
			.getChannel()
			.setType(Subscription.SubscriptionChannelType.RESTHOOK)
			.setEndpoint("http://127.0.0.1:9/hook");
		return subscription;
	}

}
