package health.continuum.medication;

import java.util.List;

/** An RxNorm ingredient (TTY=IN) with its WHO ATC level-4 class and the other names it is written under. */
public record Ingredient(String rxcui, String name, String atcClass, List<String> synonyms) {

    public Ingredient {
        synonyms = List.copyOf(synonyms);
    }
}
