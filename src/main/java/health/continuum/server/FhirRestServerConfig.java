package health.continuum.server;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.jpa.api.config.JpaStorageSettings;
import ca.uhn.fhir.jpa.api.dao.IFhirSystemDao;
import ca.uhn.fhir.jpa.provider.IJpaSystemProvider;
import ca.uhn.fhir.jpa.provider.JpaCapabilityStatementProvider;
import ca.uhn.fhir.jpa.provider.ValueSetOperationProvider;
import ca.uhn.fhir.jpa.search.DatabaseBackedPagingProvider;
import ca.uhn.fhir.narrative2.NullNarrativeGenerator;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.openapi.OpenApiInterceptor;
import ca.uhn.fhir.rest.server.HardcodedServerAddressStrategy;
import ca.uhn.fhir.rest.server.IncomingRequestAddressStrategy;
import ca.uhn.fhir.rest.server.RestfulServer;
import ca.uhn.fhir.rest.server.interceptor.ResponseHighlighterInterceptor;
import ca.uhn.fhir.rest.server.interceptor.SearchPreferHandlingInterceptor;
import ca.uhn.fhir.rest.server.provider.ResourceProviderFactory;
import ca.uhn.fhir.rest.server.util.ISearchParamRegistry;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The FHIR REST endpoint at /fhir: JPA resource providers plus the interceptors every request passes. */
@Configuration
public class FhirRestServerConfig {

    public static final String SOFTWARE_NAME = "Continuum";

    /**
     * The servlet itself holds nothing yet: Spring Boot creates every Servlet bean while it creates the web server,
     * before it freezes the bean definitions and caches its lookups of beans by type. Creating HAPI's JPA layer then,
     * with the thousands of autowired fields of its ~150 DAOs each scanning every bean definition, took about 4 s
     * more of a 30 s start-up on 2 cores. Tomcat initialises the servlet after all singletons exist, and
     * {@link #fhirEndpoint} configures it then, as HAPI's {@link RestfulServer#initialize()} allows.
     */
    @Bean
    public RestfulServer restfulServer(FhirContext fhirContext, ObjectProvider<FhirEndpoint> fhirEndpoint) {
        return new RestfulServer(fhirContext) {
            @Override
            protected void initialize() {
                fhirEndpoint.getObject().configure(this);
            }

            @Override
            protected void service(HttpServletRequest request, HttpServletResponse response)
                    throws ServletException, IOException {
                super.service(request, new WriterFlushedOnClose(response));
            }
        };
    }

    /** What the FHIR servlet serves: providers, paging, interceptors, and how it describes itself. */
    @FunctionalInterface
    public interface FhirEndpoint {
        void configure(RestfulServer server);
    }

    @Bean
    public FhirEndpoint fhirEndpoint(
            IFhirSystemDao<?, ?> systemDao,
            ResourceProviderFactory resourceProviders,
            IJpaSystemProvider systemProvider,
            ValueSetOperationProvider valueSetOperations,
            JpaStorageSettings storageSettings,
            ISearchParamRegistry searchParamRegistry,
            IValidationSupport validationSupport,
            DatabaseBackedPagingProvider pagingProvider,
            FhirServerProperties properties,
            BuildProperties build,
            List<ContinuumServerInterceptor> interceptors,
            List<ContinuumOperationProvider> operationProviders) {
        return server -> {
            server.getFhirContext().setNarrativeGenerator(new NullNarrativeGenerator());
            server.registerProviders(resourceProviders.createProviders());
            server.registerProvider(systemProvider);
            server.registerProvider(valueSetOperations);
            operationProviders.forEach(server::registerProvider);
            server.setServerConformanceProvider(new JpaCapabilityStatementProvider(
                    server, systemDao, storageSettings, searchParamRegistry, validationSupport));
            server.setServerName(SOFTWARE_NAME);
            server.setServerVersion(build.getVersion());
            server.setImplementationDescription("Continuum FHIR R4 server for care coordination");
            server.setDefaultResponseEncoding(EncodingEnum.JSON);
            pagingProvider.setDefaultPageSize(properties.defaultPageSize());
            pagingProvider.setMaximumPageSize(properties.maxPageSize());
            server.setPagingProvider(pagingProvider);
            server.setServerAddressStrategy(
                    properties.publicBaseUrl() == null || properties.publicBaseUrl().isBlank()
                            ? new IncomingRequestAddressStrategy()
                            : new HardcodedServerAddressStrategy(properties.publicBaseUrl()));
            // First, so that a preflight is answered before anything else looks at the request
            BrowserAccess.interceptor(properties.cors()).ifPresent(server::registerInterceptor);
            // Unknown search parameters: 400, or ignored when the client sends Prefer: handling=lenient
            server.registerInterceptor(new SearchPreferHandlingInterceptor(searchParamRegistry));
            // Malformed values: 400 naming the parameter, not only the value
            server.registerInterceptor(new SearchValueCheck(server.getFhirContext(), searchParamRegistry));
            server.registerInterceptor(new RegexSearchParameterGuard());
            server.registerInterceptor(new OpenApiInterceptor());
            server.registerInterceptor(new ResponseHighlighterInterceptor());
            interceptors.forEach(server::registerInterceptor);
        };
    }

    @Bean
    AdmissionControl admissionControl(FhirServerProperties properties, FhirContext fhirContext) {
        return new AdmissionControl(properties, fhirContext);
    }

    @Bean
    public FilterRegistrationBean<AdmissionControl> admissionControlRegistration(AdmissionControl admissionControl) {
        FilterRegistrationBean<AdmissionControl> registration = new FilterRegistrationBean<>(admissionControl);
        registration.addUrlPatterns("/fhir/*");
        return registration;
    }

    @Bean
    public ServletRegistrationBean<RestfulServer> fhirServlet(RestfulServer restfulServer) {
        ServletRegistrationBean<RestfulServer> registration = new ServletRegistrationBean<>(restfulServer, "/fhir/*");
        registration.setName("fhir");
        registration.setLoadOnStartup(1);
        return registration;
    }
}
