package health.continuum.server;

import ca.uhn.fhir.batch2.jobs.config.BatchCommonCtx;
import ca.uhn.fhir.batch2.jobs.reindex.ReindexAppCtx;
import ca.uhn.fhir.batch2.jobs.termcodesystem.TermCodeSystemJobConfig;
import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.jpa.api.config.JpaStorageSettings;
import ca.uhn.fhir.jpa.api.config.ThreadPoolFactoryConfig;
import ca.uhn.fhir.jpa.batch2.JpaBatch2Config;
import ca.uhn.fhir.jpa.config.HapiJpaConfig;
import ca.uhn.fhir.jpa.config.r4.JpaR4Config;
import ca.uhn.fhir.jpa.config.util.HapiEntityManagerFactoryUtil;
import ca.uhn.fhir.jpa.model.config.PartitionSettings;
import ca.uhn.fhir.jpa.model.config.SubscriptionSettings;
import ca.uhn.fhir.jpa.model.dialect.HapiFhirH2Dialect;
import ca.uhn.fhir.jpa.model.dialect.HapiFhirPostgresDialect;
import ca.uhn.fhir.jpa.model.entity.StorageSettings;
import ca.uhn.fhir.jpa.subscription.channel.config.SubscriptionChannelConfig;
import jakarta.persistence.EntityManagerFactory;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.search.mapper.orm.cfg.HibernateOrmMapperSettings;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.orm.jpa.LocalContainerEntityManagerFactoryBean;

/** HAPI FHIR JPA storage for FHIR R4 on H2 or PostgreSQL, with only the storage modules Continuum uses. */
@Configuration
@Import({
    JpaR4Config.class,
    HapiJpaConfig.class,
    ThreadPoolFactoryConfig.class,
    // Batch jobs: only reindexing (new SearchParameters) and code-system storage, not bulk import/export.
    JpaBatch2Config.class,
    SubscriptionChannelConfig.class, // the in-process queue batch jobs run on; no subscription delivery
    BatchCommonCtx.class,
    ReindexAppCtx.class,
    TermCodeSystemJobConfig.class
})
public class JpaStorageConfig {

    @Bean
    public JpaStorageSettings jpaStorageSettings() {
        JpaStorageSettings settings = new JpaStorageSettings();
        // References must point at stored resources: a dangling reference is a 4xx, never a placeholder.
        settings.setEnforceReferentialIntegrityOnWrite(true);
        settings.setAutoCreatePlaceholderReferenceTargets(false);
        settings.setAllowExternalReferences(false);
        // Coordinators act on worklists: a repeated search must see writes made a second ago.
        settings.setReuseCachedSearchResultsForMillis(null);
        settings.setAllowMultipleDelete(false);
        settings.setExpungeEnabled(false);
        settings.setIndexMissingFields(StorageSettings.IndexEnabledEnum.DISABLED);
        // HFJ_SPIDX_IDENTITY maps index hashes back to parameter names for tools; nothing here reads it, and filling it
        // wrote ~1,500 rows on a thread of its own at every start-up on an empty database (1-2 s of CPU on 2 cores)
        settings.setWriteToSearchParamIdentityTable(false);
        return settings;
    }

    @Bean
    public PartitionSettings partitionSettings() {
        return new PartitionSettings();
    }

    @Bean
    public SubscriptionSettings subscriptionSettings() {
        return new SubscriptionSettings();
    }

    /** The connection pool, wrapped so that a database outage is answered in one pool timeout, not two or more. */
    @Bean
    static BeanPostProcessor failFastDataSource(ObjectProvider<FhirServerProperties> properties) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof DataSource pool && !(bean instanceof FailFastDataSource)
                        ? new FailFastDataSource(pool, () -> properties.getObject().retryAfter(), Clock.systemUTC())
                        : bean;
            }
        };
    }

    @Primary
    @Bean
    public LocalContainerEntityManagerFactoryBean entityManagerFactory(
            ConfigurableListableBeanFactory beanFactory,
            FhirContext fhirContext,
            JpaStorageSettings storageSettings,
            DataSource dataSource,
            DataSourceProperties dataSourceProperties,
            ObjectProvider<StartsBeforeStorage> startedFirst) {
        // Creating each one starts its work, which then runs while Hibernate starts below
        startedFirst.forEach(started -> {});
        LocalContainerEntityManagerFactoryBean factory =
                HapiEntityManagerFactoryUtil.newEntityManagerFactory(beanFactory, fhirContext, storageSettings);
        Map<String, Object> jpa = new HashMap<>();
        jpa.put(AvailableSettings.DIALECT, dialectFor(dataSourceProperties.determineUrl()));
        // Creates the schema on an empty database; an existing one is used as it is, which skips reading the
        // metadata of every table at each start.
        jpa.put(AvailableSettings.HBM2DDL_AUTO, schemaExists(dataSource) ? "none" : "update");
        // Envers audits only HAPI's MDM links, a module Continuum does not run.
        jpa.put("hibernate.integration.envers.enabled", "false");
        jpa.put(AvailableSettings.STATEMENT_BATCH_SIZE, "30");
        jpa.put(AvailableSettings.ORDER_INSERTS, "true");
        jpa.put(AvailableSettings.USE_SECOND_LEVEL_CACHE, "false");
        jpa.put(AvailableSettings.USE_QUERY_CACHE, "false");
        jpa.put(AvailableSettings.SCANNER, "org.hibernate.boot.archive.scan.internal.DisabledScanner");
        jpa.put(HibernateOrmMapperSettings.ENABLED, "false");
        factory.setPersistenceUnitName("CONTINUUM");
        factory.setJpaPropertyMap(jpa);
        factory.setDataSource(dataSource);
        return factory;
    }

    private static boolean schemaExists(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData metadata = connection.getMetaData();
            for (String table : new String[] {"HFJ_RESOURCE", "hfj_resource"}) {
                try (ResultSet tables = metadata.getTables(null, null, table, new String[] {"TABLE"})) {
                    if (tables.next()) {
                        return true;
                    }
                }
            }
            return false;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot reach the database to check its schema: " + e.getMessage(), e);
        }
    }

    /** The HAPI dialect follows from the JDBC URL, so setting the URL alone switches databases. */
    static String dialectFor(String jdbcUrl) {
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            return HapiFhirPostgresDialect.class.getName();
        }
        if (jdbcUrl.startsWith("jdbc:h2:")) {
            return HapiFhirH2Dialect.class.getName();
        }
        throw new IllegalStateException("Unsupported database URL '" + jdbcUrl
                + "': Continuum runs on H2 (jdbc:h2:...) or PostgreSQL (jdbc:postgresql://...)");
    }

    @Primary
    @Bean
    public JpaTransactionManager transactionManager(EntityManagerFactory entityManagerFactory) {
        return new JpaTransactionManager(entityManagerFactory);
    }
}
