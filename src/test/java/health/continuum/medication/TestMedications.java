package health.continuum.medication;

import health.continuum.canonical.Coding;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Shared fixtures: the built-in knowledge base and medications named by ingredient, so tests only use listed drugs. */
public final class TestMedications {

    public static final MedicationKnowledgeBase KNOWLEDGE_BASE = MedicationKnowledgeBase.loadDefault();

    private TestMedications() {
    }

    static Ingredient ingredient(String name) {
        return KNOWLEDGE_BASE.ingredients().stream().filter(ingredient -> ingredient.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not in ingredients.csv: " + name));
    }

    static String rxcui(String name) {
        return ingredient(name).rxcui();
    }

    public static MedicationInput coded(String reference, String ingredientName) {
        return new MedicationInput(reference, List.of(Coding.rxNorm(rxcui(ingredientName), ingredientName)), null);
    }

    static MedicationInput text(String reference, String text) {
        return new MedicationInput(reference, List.of(), text);
    }

    static Path write(Path directory, String fileName, String... lines) {
        try {
            return Files.write(directory.resolve(fileName), List.of(lines));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
