package org.trialfhir.server.endpoint;

import javax.sql.DataSource;

import ca.uhn.fhir.interceptor.api.IInterceptorService;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Wires the endpoint projection: creates its tables at start (idempotent script, H2 and
 * PostgreSQL), and unless {@code trial.endpoint.projection.enabled} is false registers
 * its interceptor on HAPI's interceptor service, so every storage operation (REST,
 * transaction entries, DAO calls) updates it in the same transaction.
 */
@Configuration(proxyBeanMethods = false)
class EndpointConfiguration {

	private static final Logger log = LoggerFactory.getLogger(EndpointConfiguration.class);

	private static final String SCHEMA = "db/endpoint-projection.sql";

	@Bean
	EndpointProjectionStore endpointProjectionStore(DataSource dataSource) {
		new ResourceDatabasePopulator(new ClassPathResource(SCHEMA)).execute(dataSource);
		return new EndpointProjectionStore(new JdbcTemplate(dataSource));
	}

	@Bean
	EndpointProjection endpointProjection(EndpointProjectionStore store, DaoRegistry daos,
			PlatformTransactionManager transactionManager) {
		return new EndpointProjection(store, daos, new TransactionTemplate(transactionManager));
	}

	@Bean
	StudyEndpoints studyEndpoints(EndpointProjectionStore store) {
		return new StudyEndpoints(store);
	}

	@Bean
	SurvivalResults survivalResults(StudyEndpoints endpoints, EndpointProjectionStore store,
			EndpointProperties properties) {
		return new SurvivalResults(endpoints, store, properties.resultCache().maxEntries());
	}

	@Bean
	EndpointProjectionInterceptor endpointProjectionInterceptor(EndpointProjection projection,
			EndpointProjectionStore store, IInterceptorService interceptors, EndpointProperties properties) {
		EndpointProjectionInterceptor interceptor = new EndpointProjectionInterceptor(projection, store);
		if (properties.projection().enabled()) {
			interceptors.registerInterceptor(interceptor);
		}
		else {
			log.warn("Endpoint projection is OFF (trial.endpoint.projection.enabled=false): "
					+ "rebuild it before analysing");
		}
		return interceptor;
	}

}
