package org.trialfhir.server.operation;

import ca.uhn.fhir.model.api.annotation.Description;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OperationParam;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Parameters;
import org.trialfhir.profiles.TrialOperations;
import org.trialfhir.profiles.TrialOperations.Out;
import org.trialfhir.server.endpoint.EndpointProjection;

import org.springframework.stereotype.Component;

/**
 * {@code [base]/$rebuild-endpoint-projection} (POST): empties the endpoint projection and
 * recomputes it from every stored resource, in one transaction. For administrators, e.g.
 * after loading data with the projection switched off.
 */
@Component
public class RebuildEndpointProjectionOperationProvider implements TrialOperation {

	private final EndpointProjection projection;

	RebuildEndpointProjectionOperationProvider(EndpointProjection projection) {
		this.projection = projection;
	}

	/**
	 * @return how many resources the projection was rebuilt from
	 */
	@Operation(name = TrialOperations.REBUILD_ENDPOINT_PROJECTION, idempotent = false,
			returnParameters = { @OperationParam(name = Out.RESOURCES, typeName = "integer", min = 1, max = 1) })
	@Description(shortDefinition = "Recompute the endpoint projection from the resource store")
	public Parameters rebuild() {
		Parameters parameters = new Parameters();
		parameters.addParameter().setName(Out.RESOURCES).setValue(new IntegerType(projection.rebuild()));
		return parameters;
	}

}
