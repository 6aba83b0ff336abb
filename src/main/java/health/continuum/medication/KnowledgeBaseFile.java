package health.continuum.medication;

import java.util.List;

/**
 * The data files of the knowledge base, with the header each must have, in the order they are read: each refers only to
 * the files before it. Defaults live on the classpath under medication/.
 */
public enum KnowledgeBaseFile {
    INGREDIENTS("ingredients.csv", "rxcui", "name", "atc_class", "synonyms"),
    PRODUCTS("products.csv", "product_rxcui", "name", "ingredient_rxcuis", "source"),
    GROUPS("groups.csv", "group", "rxcui", "ingredient", "source"),
    SEVERITY_LEVELS("severity-levels.csv", "level", "severity", "source"),
    INTERACTIONS("interactions.csv", "id", "side_a", "side_b", "level", "reason", "source"),
    DUPLICATE_CLASSES("duplicate-classes.csv", "atc_class", "description", "source"),
    WARFARIN_NSAID("warfarin-nsaid.csv", "setting", "value", "source");

    private final String fileName;
    private final List<String> columns;

    KnowledgeBaseFile(String fileName, String... columns) {
        this.fileName = fileName;
        this.columns = List.of(columns);
    }

    public String fileName() {
        return fileName;
    }

    public List<String> columns() {
        return columns;
    }

    String classpathResource() {
        return "medication/" + fileName;
    }
}
