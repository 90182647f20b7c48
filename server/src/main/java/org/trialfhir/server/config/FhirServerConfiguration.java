package org.trialfhir.server.config;

import ca.uhn.fhir.batch2.jobs.config.Batch2JobsConfig;
import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.jpa.api.config.JpaStorageSettings;
import ca.uhn.fhir.parser.StrictErrorHandler;
import ca.uhn.fhir.jpa.api.config.ThreadPoolFactoryConfig;
import ca.uhn.fhir.jpa.api.dao.IFhirSystemDao;
import ca.uhn.fhir.jpa.batch2.JpaBatch2Config;
import ca.uhn.fhir.jpa.config.HapiJpaConfig;
import ca.uhn.fhir.jpa.config.r4.JpaR4Config;
import ca.uhn.fhir.jpa.provider.JpaCapabilityStatementProvider;
import ca.uhn.fhir.jpa.provider.JpaSystemProvider;
import ca.uhn.fhir.jpa.search.DatabaseBackedPagingProvider;
import ca.uhn.fhir.jpa.subscription.channel.config.SubscriptionChannelConfig;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.server.HardcodedServerAddressStrategy;
import ca.uhn.fhir.rest.server.IncomingRequestAddressStrategy;
import ca.uhn.fhir.rest.server.RestfulServer;
import ca.uhn.fhir.rest.server.interceptor.ResponseHighlighterInterceptor;
import ca.uhn.fhir.rest.server.provider.ResourceProviderFactory;
import ca.uhn.fhir.rest.server.util.ISearchParamRegistry;

import org.trialfhir.server.operation.TrialOperation;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.util.StringUtils;

/**
 * The FHIR endpoint: HAPI's JPA R4 server (DAOs, resource providers, search, paging,
 * transactions, batch jobs for bulk export and reindexing) exposed by one
 * {@link RestfulServer} servlet at {@code trial.fhir.path}.
 */
@Configuration(proxyBeanMethods = false)
@Import({ JpaR4Config.class, HapiJpaConfig.class, ThreadPoolFactoryConfig.class, JpaBatch2Config.class,
		Batch2JobsConfig.class, SubscriptionChannelConfig.class })
class FhirServerConfiguration {

	@Bean
	RestfulServer fhirRestfulServer(IFhirSystemDao<?, ?> systemDao,
			@Qualifier("myResourceProvidersR4") ResourceProviderFactory resourceProviders,
			JpaSystemProvider<?, ?> systemProvider, JpaStorageSettings storageSettings,
			ISearchParamRegistry searchParamRegistry, IValidationSupport validationSupport,
			DatabaseBackedPagingProvider pagingProvider, RequestSizeLimit requestSizeLimit,
			ObjectProvider<TrialOperation> operations, TrialFhirProperties properties) {
		TrialFhirProperties.Fhir fhir = properties.fhir();
		// unknown elements and malformed values are refused (400) rather than silently
		// dropped
		systemDao.getContext().setParserErrorHandler(new StrictErrorHandler());
		RestfulServer server = new RestfulServer(systemDao.getContext());
		server.setServerName("TrialFHIR");
		server.registerProviders(resourceProviders.createProviders());
		server.registerProvider(systemProvider);
		server.registerProviders(operations.orderedStream().toList());
		JpaCapabilityStatementProvider capabilityStatement = new JpaCapabilityStatementProvider(server, systemDao,
				storageSettings, searchParamRegistry, validationSupport);
		capabilityStatement.setImplementationDescription("TrialFHIR research server");
		server.setServerConformanceProvider(capabilityStatement);

		pagingProvider.setDefaultPageSize(fhir.defaultPageSize());
		pagingProvider.setMaximumPageSize(fhir.maxPageSize());
		server.setPagingProvider(pagingProvider);
		server.setDefaultResponseEncoding(EncodingEnum.JSON);
		server.setServerAddressStrategy(StringUtils.hasText(fhir.publicBaseUrl())
				? new HardcodedServerAddressStrategy(fhir.publicBaseUrl()) : new IncomingRequestAddressStrategy());

		server.registerInterceptor(requestSizeLimit);
		server.registerInterceptor(new ResourceIdFormat());
		server.registerInterceptor(new CapabilityStatementCustomizer());
		server.registerInterceptor(new ResponseHighlighterInterceptor());
		return server;
	}

	@Bean
	ServletRegistrationBean<RestfulServer> fhirServlet(RestfulServer fhirRestfulServer,
			TrialFhirProperties properties) {
		ServletRegistrationBean<RestfulServer> registration = new ServletRegistrationBean<>(fhirRestfulServer,
				properties.fhir().path() + "/*");
		registration.setName("fhir");
		registration.setLoadOnStartup(1);
		return registration;
	}

	@Bean
	RequestSizeLimit requestSizeLimit(TrialFhirProperties properties) {
		return new RequestSizeLimit(properties.fhir().maxRequestSize());
	}

	@Bean
	FilterRegistrationBean<RequestSizeLimit> requestSizeLimitFilter(RequestSizeLimit limit,
			TrialFhirProperties properties) {
		FilterRegistrationBean<RequestSizeLimit> registration = new FilterRegistrationBean<>(limit);
		registration.addUrlPatterns(properties.fhir().path() + "/*");
		return registration;
	}

	@Bean
	FilterRegistrationBean<ReadinessGate> readinessGate(ApplicationAvailability availability, FhirContext fhirContext,
			TrialFhirProperties properties) {
		FilterRegistrationBean<ReadinessGate> registration = new FilterRegistrationBean<>(
				new ReadinessGate(availability, fhirContext));
		registration.addUrlPatterns(properties.fhir().path() + "/*");
		// before Spring Security: nothing of the FHIR endpoint runs before the IG is in
		// force
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

}
