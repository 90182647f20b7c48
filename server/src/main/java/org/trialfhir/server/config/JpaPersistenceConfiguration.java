package org.trialfhir.server.config;

import java.util.Map;
import java.util.Properties;

import javax.sql.DataSource;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.jpa.api.config.JpaStorageSettings;
import ca.uhn.fhir.jpa.config.util.HapiEntityManagerFactoryUtil;
import ca.uhn.fhir.jpa.model.config.PartitionSettings;
import ca.uhn.fhir.jpa.model.config.SubscriptionSettings;
import ca.uhn.fhir.jpa.model.entity.StorageSettings;
import jakarta.persistence.EntityManagerFactory;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;
import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.orm.jpa.LocalContainerEntityManagerFactoryBean;
import org.springframework.transaction.annotation.EnableTransactionManagement;

/**
 * HAPI FHIR's JPA persistence: storage settings and the Hibernate entity manager factory
 * on the data source that Spring Boot configures from {@code spring.datasource.*}.
 * Hibernate settings (dialect, schema update) come from {@code spring.jpa.properties.*}
 * so that each database profile only overrides those keys.
 */
@Configuration(proxyBeanMethods = false)
@EnableTransactionManagement
class JpaPersistenceConfiguration {

	private static final String HIBERNATE_PROPERTIES = "spring.jpa.properties";

	@Bean
	JpaStorageSettings jpaStorageSettings(TrialFhirProperties properties) {
		JpaStorageSettings settings = new JpaStorageSettings();
		TrialFhirProperties.SearchCache cache = properties.searchCache();
		settings.setReuseCachedSearchResultsForMillis(cache.enabled() ? cache.reuseFor().toMillis() : null);
		settings.setExpireSearchResultsAfterMillis(cache.expireAfter().toMillis());
		settings.setFetchSizeDefaultMaximum(properties.fhir().maxPageSize());
		settings.setAllowMultipleDelete(false);
		settings.setAllowExternalReferences(false);
		settings.setAutoCreatePlaceholderReferenceTargets(false);
		settings.setEnforceReferentialIntegrityOnWrite(true);
		settings.setEnforceReferentialIntegrityOnDelete(true);
		settings.setIndexMissingFields(StorageSettings.IndexEnabledEnum.DISABLED);
		settings.setResourceClientIdStrategy(JpaStorageSettings.ClientIdStrategyEnum.ALPHANUMERIC);
		// the trial's value sets are small and some draw on external code systems
		// (MedDRA) that cannot be expanded
		// here; expand them in memory when asked instead of pre-expanding in the
		// background
		settings.setPreExpandValueSets(false);
		return settings;
	}

	@Bean
	PartitionSettings partitionSettings() {
		return new PartitionSettings();
	}

	@Bean
	SubscriptionSettings subscriptionSettings() {
		return new SubscriptionSettings();
	}

	@Bean
	@Primary
	LocalContainerEntityManagerFactoryBean entityManagerFactory(DataSource dataSource,
			ConfigurableListableBeanFactory beanFactory, FhirContext fhirContext, JpaStorageSettings storageSettings,
			Environment environment) {
		LocalContainerEntityManagerFactoryBean factory = HapiEntityManagerFactoryUtil
			.newEntityManagerFactory(beanFactory, fhirContext, storageSettings);
		factory.setPersistenceUnitName("HAPI_PU");
		factory.setDataSource(dataSource);
		factory.setJpaProperties(hibernateProperties(environment));
		return factory;
	}

	@Bean
	@Primary
	JpaTransactionManager transactionManager(EntityManagerFactory entityManagerFactory) {
		return new JpaTransactionManager(entityManagerFactory);
	}

	private static Properties hibernateProperties(Environment environment) {
		Properties properties = new Properties();
		properties.putAll(Binder.get(environment)
			.bind(HIBERNATE_PROPERTIES, Bindable.mapOf(String.class, String.class))
			.orElse(Map.of()));
		return properties;
	}

}
