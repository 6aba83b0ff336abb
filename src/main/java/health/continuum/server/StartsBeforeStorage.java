package health.continuum.server;

/**
 * Marks a Spring bean whose creation starts slow work on a thread of its own (building the profile validator takes
 * seconds on 2 cores): JPA storage is created after every such bean, so the work overlaps Hibernate's start instead of
 * following it. A capability declares the bean; the wiring never names the capability.
 */
public interface StartsBeforeStorage {}
