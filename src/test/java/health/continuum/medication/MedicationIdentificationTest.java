package health.continuum.medication;

import static health.continuum.medication.TestMedications.KNOWLEDGE_BASE;
import static health.continuum.medication.TestMedications.rxcui;
import static health.continuum.medication.TestMedications.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import health.continuum.canonical.Coding;
import health.continuum.medication.IdentifiedMedication.IdentifiedBy;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MedicationIdentificationTest {

    private static final String REFERENCE = "MedicationStatement/1";

    static Stream<Arguments> medications() {
        return Stream.of(
                arguments("RxNorm ingredient code", List.of(Coding.rxNorm("6809", null)), null,
                        List.of("metformin"), IdentifiedBy.RXNORM_CODE),
                arguments("RxNorm code wins over text", List.of(Coding.rxNorm("6809", null)), "lisinopril",
                        List.of("metformin"), IdentifiedBy.RXNORM_CODE),
                arguments("code with surrounding spaces", List.of(Coding.rxNorm(" 6809 ", null)), null,
                        List.of("metformin"), IdentifiedBy.RXNORM_CODE),
                arguments("unknown RxNorm code, name in display",
                        List.of(Coding.rxNorm("999999999", "Metformin 500 MG Oral Tablet")), null,
                        List.of("metformin"), IdentifiedBy.NAME),
                arguments("same code in another system is not RxNorm",
                        List.of(new Coding("http://snomed.info/sct", "6809", null)), null, List.of(), IdentifiedBy.NONE),
                arguments("display of a non-RxNorm coding", List.of(new Coding(null, null, "Lisinopril 10 MG")), null,
                        List.of("lisinopril"), IdentifiedBy.NAME),
                arguments("text", List.of(), "metformin 500 mg twice daily", List.of("metformin"), IdentifiedBy.NAME),
                arguments("text in upper case", List.of(), "METFORMIN", List.of("metformin"), IdentifiedBy.NAME),
                arguments("word followed by a letter", List.of(), "metforminx", List.of(), IdentifiedBy.NONE),
                arguments("word preceded by a letter", List.of(), "xmetformin", List.of(), IdentifiedBy.NONE),
                arguments("word followed by a digit", List.of(), "metformin2", List.of(), IdentifiedBy.NONE),
                arguments("name inside a longer name", List.of(), "dextroamphetamine 10 mg",
                        List.of("dextroamphetamine"), IdentifiedBy.NAME),
                arguments("WHO name paracetamol", List.of(), "Paracetamol 500 mg", List.of("acetaminophen"), IdentifiedBy.NAME),
                arguments("WHO name pethidine", List.of(), "pethidine injection", List.of("meperidine"), IdentifiedBy.NAME),
                arguments("WHO name rifampicin", List.of(), "Rifampicin", List.of("rifampin"), IdentifiedBy.NAME),
                arguments("curly apostrophe", List.of(), "St John\u2019s Wort capsules", List.of("St. John's wort"),
                        IdentifiedBy.NAME),
                arguments("botanical name", List.of(), "Hypericum perforatum extract 300 mg", List.of("St. John's wort"),
                        IdentifiedBy.NAME),
                arguments("two ingredients in text", List.of(), "hydrocodone/acetaminophen 5/325",
                        List.of("acetaminophen", "hydrocodone"), IdentifiedBy.NAME),
                arguments("extra spaces in a two-word name", List.of(), "insulin   glargine 10 units",
                        List.of("insulin glargine"), IdentifiedBy.NAME),
                arguments("no known name", List.of(), "herbal tea", List.of(), IdentifiedBy.NONE),
                arguments("nothing at all", List.of(), null, List.of(), IdentifiedBy.NONE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("medications")
    void identifiesIngredientsByCodeThenByWholeWordName(String description, List<Coding> codings, String text,
                                                       List<String> expectedIngredients, IdentifiedBy expectedHow) {
        IdentifiedMedication identified = KNOWLEDGE_BASE.identify(new MedicationInput(REFERENCE, codings, text));

        assertThat(identified.ingredients()).extracting(Ingredient::name)
                .containsExactlyInAnyOrderElementsOf(expectedIngredients);
        assertThat(identified.identifiedBy()).isEqualTo(expectedHow);
        assertThat(identified.identified()).isEqualTo(!expectedIngredients.isEmpty());
    }

    @Test
    void identifiesAProductCodeAsItsIngredients(@TempDir Path directory) {
        Path products = write(directory, "products.csv",
                "# test fixture, not clinical data",
                "product_rxcui,name,ingredient_rxcuis,source",
                "9900001,test fixture hydrocodone / acetaminophen," + rxcui("hydrocodone") + " " + rxcui("acetaminophen")
                        + ",test fixture");
        MedicationKnowledgeBase withProducts = MedicationKnowledgeBase.loader()
                .extend(KnowledgeBaseFile.PRODUCTS, products).load();
        MedicationInput product = new MedicationInput(REFERENCE, List.of(Coding.rxNorm("9900001", null)), null);

        IdentifiedMedication identified = withProducts.identify(product);

        assertThat(identified.ingredients()).extracting(Ingredient::name).containsExactly("hydrocodone", "acetaminophen");
        assertThat(identified.identifiedBy()).isEqualTo(IdentifiedBy.RXNORM_CODE);
        assertThat(KNOWLEDGE_BASE.identify(product).identified()).isFalse();
    }
}
