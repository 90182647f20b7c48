package org.trialfhir.profiles;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import ca.uhn.fhir.context.ConfigurationException;
import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.util.XmlUtil;
import ca.uhn.fhir.validation.IValidationContext;
import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.exceptions.FHIRException;
import org.hl7.fhir.r5.context.IWorkerContext;
import org.hl7.fhir.r5.elementmodel.Manager;
import org.hl7.fhir.r5.fhirpath.IHostApplicationServices;
import org.hl7.fhir.r5.model.StructureDefinition;
import org.hl7.fhir.r5.utils.validation.ValidatorSession;
import org.hl7.fhir.r5.utils.validation.constants.IdStatus;
import org.hl7.fhir.r5.utils.xver.XVerExtensionManagerOld;
import org.hl7.fhir.utilities.i18n.I18nConstants;
import org.hl7.fhir.utilities.validation.ValidationMessage;
import org.hl7.fhir.validation.ValidatorSettings;
import org.hl7.fhir.validation.instance.InstanceValidator;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * HAPI's {@link FhirInstanceValidator} with one change: the core
 * {@link InstanceValidator} is built once per thread and reused, instead of once per
 * validated resource.
 *
 * <p>
 * HAPI 8.8.0 ({@code ValidatorWrapper.validate}) builds a new {@code InstanceValidator}
 * for every resource, and its constructor (org.hl7.fhir.validation 6.7.9) creates a new
 * {@code OIDUtilities}, which parses the 1.5 MB {@code oidregistry.csv} again: about half
 * of the CPU of a validated write. No newer core release compatible with HAPI 8.8.0 is
 * available to the build, and HAPI has no option for it, so this class overrides the one
 * protected extension point HAPI offers, {@link #validate(IValidationContext)}, and does
 * what {@code ValidatorWrapper} does with a reused validator: the same settings, the same
 * profile lookup (options, then {@code meta.profile}), the same message filtering.
 * {@code ReusedInstanceValidatorTests} compares the messages with HAPI's own validator
 * and fails when the upstream code this class follows changes.
 *
 * <p>
 * A core validator is not thread-safe, hence one per thread; it keeps a little state
 * between validations (trackers, cached lookups), so it is retired after
 * {@value #USES_BEFORE_RETIRING} validations to bound memory.
 */
public class ReusedInstanceValidator extends FhirInstanceValidator {

	/** Validations a thread's core validator serves before it is rebuilt. */
	static final int USES_BEFORE_RETIRING = 200;

	private final ThreadLocal<Pooled> pooled = new ThreadLocal<>();

	/**
	 * @param validationSupport the validation support chain
	 */
	public ReusedInstanceValidator(IValidationSupport validationSupport) {
		super(validationSupport);
	}

	@Override
	protected List<ValidationMessage> validate(IValidationContext<?> validationContext) {
		IWorkerContext workerContext = provideWorkerContext();
		InstanceValidator validator = validatorFor(workerContext);

		List<StructureDefinition> profiles = new ArrayList<>();
		List<ValidationMessage> unknownProfiles = new ArrayList<>();
		for (String url : validationContext.getOptions().getProfiles()) {
			fetchProfile(workerContext, url, profiles, unknownProfiles);
		}
		String input = validationContext.getResourceAsString();
		EncodingEnum encoding = validationContext.getResourceAsStringEncoding();
		Manager.FhirFormat format = switch (encoding) {
			case JSON -> Manager.FhirFormat.JSON;
			case XML -> Manager.FhirFormat.XML;
			default -> throw new IllegalArgumentException("Unknown encoding: " + encoding);
		};
		List<String> declared = declaredProfiles(input, encoding);
		List<ValidationMessage> messages = new ArrayList<>();
		if (declared == null) {
			ValidationMessage message = new ValidationMessage();
			message.setLevel(ValidationMessage.IssueSeverity.FATAL);
			message.setMessage("Failed to parse input, it does not appear to be valid XML");
			messages.add(message);
			return messages;
		}
		for (String url : declared) {
			fetchProfile(workerContext, url, profiles, unknownProfiles);
		}
		validator.validate(validationContext.getOptions().getAppContext(), messages,
				new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), format, profiles);

		if (profiles.isEmpty()) {
			messages.addAll(unknownProfiles);
		}
		List<ValidationMessage> kept = new ArrayList<>(messages.size());
		for (ValidationMessage message : messages) {
			if (!isSuppressed(message)) {
				kept.add(message);
			}
		}
		if (isErrorForUnknownProfiles()) {
			for (ValidationMessage message : kept) {
				if (isUnknownProfile(message) && message.getLevel() == ValidationMessage.IssueSeverity.WARNING) {
					message.setLevel(ValidationMessage.IssueSeverity.ERROR);
				}
			}
		}
		return kept;
	}

	private InstanceValidator validatorFor(IWorkerContext workerContext) {
		Pooled current = this.pooled.get();
		if (current == null || current.workerContext != workerContext || current.uses >= USES_BEFORE_RETIRING) {
			current = new Pooled(workerContext, newInstanceValidator(workerContext));
			this.pooled.set(current);
		}
		current.uses++;
		return current.validator;
	}

	/** Built and configured as HAPI 8.8.0's {@code ValidatorWrapper} does. */
	private InstanceValidator newInstanceValidator(IWorkerContext workerContext) {
		IHostApplicationServices hostServices = Objects.requireNonNullElseGet(getHostApplicationServices(),
				FhirInstanceValidator.NullEvaluationContext::new);
		InstanceValidator validator;
		try {
			validator = new InstanceValidator(workerContext, hostServices, new XVerExtensionManagerOld(workerContext),
					new ValidatorSession(), new ValidatorSettings());
		}
		catch (Exception ex) {
			throw new ConfigurationException("Cannot build the FHIR instance validator: " + ex.getMessage(), ex);
		}
		validator.setAssumeValidRestReferences(isAssumeValidRestReferences());
		validator.setBestPracticeWarningLevel(getBestPracticeWarningLevel());
		validator.setAnyExtensionsAllowed(isAnyExtensionsAllowed());
		validator.setResourceIdRule(IdStatus.OPTIONAL);
		validator.setNoTerminologyChecks(isNoTerminologyChecks());
		validator.setErrorForUnknownProfiles(isErrorForUnknownProfiles());
		validator.setUnknownCodeSystemsCauseErrors(true);
		validator.getExtensionDomains().addAll(getExtensionDomains());
		validator.setFetcher(getValidatorResourceFetcher());
		validator.setPolicyAdvisor(getValidatorPolicyAdvisor());
		validator.setNoExtensibleWarnings(isNoExtensibleWarnings());
		validator.setNoBindingMsgSuppressed(isNoBindingMsgSuppressed());
		validator.setAllowExamples(isAllowExamples());
		validator.setAllowXsiLocation(true);
		return validator;
	}

	/**
	 * The profiles the text declares in {@code meta.profile}, read from the text as HAPI
	 * does (so a resource HAPI's model cannot hold still has its profiles).
	 */
	private static List<String> declaredProfiles(String input, EncodingEnum encoding) {
		List<String> urls = new ArrayList<>();
		if (encoding == EncodingEnum.JSON) {
			JsonObject meta = new Gson().fromJson(input, JsonObject.class).getAsJsonObject("meta");
			JsonElement profile = (meta != null) ? meta.get("profile") : null;
			if (profile != null && profile.isJsonArray()) {
				profile.getAsJsonArray().forEach(url -> urls.add(url.getAsString()));
			}
		}
		else {
			Document document;
			try {
				document = XmlUtil.parseDocument(input);
			}
			catch (Exception ex) {
				return null;
			}
			NodeList children = document.getChildNodes().item(0).getChildNodes();
			for (int i = 0; i < children.getLength(); i++) {
				if (children.item(i).getNodeName().equalsIgnoreCase("meta")) {
					NodeList metaChildren = children.item(i).getChildNodes();
					for (int j = 0; j < metaChildren.getLength(); j++) {
						if (metaChildren.item(j).getNodeName().equalsIgnoreCase("profile")) {
							urls.add(metaChildren.item(j).getAttributes().item(0).getNodeValue());
						}
					}
					break;
				}
			}
		}
		return urls;
	}

	private static void fetchProfile(IWorkerContext workerContext, String url, List<StructureDefinition> profiles,
			List<ValidationMessage> unknownProfiles) {
		try {
			StructureDefinition profile = workerContext.fetchResource(StructureDefinition.class, url);
			if (profile != null) {
				profiles.add(profile);
				return;
			}
		}
		catch (FHIRException ex) {
			return; // as HAPI: a profile that fails to load is skipped
		}
		ValidationMessage message = new ValidationMessage();
		message.setMessageId(I18nConstants.VALIDATION_VAL_PROFILE_UNKNOWN);
		message.setLevel(ValidationMessage.IssueSeverity.ERROR);
		message.setMessage("Invalid profile. Failed to retrieve profile with url=" + url);
		unknownProfiles.add(message);
	}

	private static boolean isSuppressed(ValidationMessage message) {
		String id = message.getMessageId();
		return id != null && (id.equals(I18nConstants.TERMINOLOGY_TX_BINDING_NOSOURCE)
				|| (id.equals(I18nConstants.TERMINOLOGY_TX_VALUESET_NOTFOUND)
						&& message.getMessage().contains("http://hl7.org/fhir/ValueSet/mimetypes")));
	}

	private static boolean isUnknownProfile(ValidationMessage message) {
		String id = message.getMessageId();
		return id != null && (id.equals(I18nConstants.VALIDATION_VAL_PROFILE_UNKNOWN)
				|| id.equals(I18nConstants.VALIDATION_VAL_PROFILE_UNKNOWN_NOT_POLICY));
	}

	private static final class Pooled {

		private final IWorkerContext workerContext;

		private final InstanceValidator validator;

		private int uses;

		Pooled(IWorkerContext workerContext, InstanceValidator validator) {
			this.workerContext = workerContext;
			this.validator = validator;
		}

	}

}
