package health.continuum.medication;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** A medication input with the ingredients it was recognised to contain, and how. */
public record IdentifiedMedication(MedicationInput medication, List<Ingredient> ingredients, IdentifiedBy identifiedBy) {

    public enum IdentifiedBy { RXNORM_CODE, NAME, NONE }

    public IdentifiedMedication {
        ingredients = List.copyOf(ingredients);
    }

    public boolean identified() {
        return !ingredients.isEmpty();
    }

    public Set<String> ingredientRxcuis() {
        return ingredients.stream().map(Ingredient::rxcui).collect(Collectors.toUnmodifiableSet());
    }
}
