package health.continuum.medication;

import java.util.List;

/** An RxNorm product code and the ingredients it contains, each checked on its own. */
public record Product(String rxcui, String name, List<String> ingredientRxcuis, String source) {

    public Product {
        ingredientRxcuis = List.copyOf(ingredientRxcuis);
    }
}
