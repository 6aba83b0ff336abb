package health.continuum.assessment.glue;

import health.continuum.assessment.Answer;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemAnswerComponent;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemComponent;
import org.hl7.fhir.r4.model.Type;

/** A QuestionnaireResponse's answers as the scoring core reads them: one per answer, or one per item without any. */
final class ResponseAnswers {

    private ResponseAnswers() {}

    static List<Answer> of(QuestionnaireResponse response) {
        List<Answer> answers = new ArrayList<>();
        add(response.getItem(), "QuestionnaireResponse", answers);
        return answers;
    }

    private static void add(List<QuestionnaireResponseItemComponent> items, String parent, List<Answer> answers) {
        for (int i = 0; i < items.size(); i++) {
            QuestionnaireResponseItemComponent item = items.get(i);
            String location = parent + ".item[" + i + "]";
            if (!item.hasAnswer()) {
                answers.add(new Answer(item.getLinkId(), location, null, null, null));
            }
            for (int j = 0; j < item.getAnswer().size(); j++) {
                answers.add(answer(item.getLinkId(), location + ".answer[" + j + "]", item.getAnswer().get(j)));
            }
            add(item.getItem(), location, answers);
        }
    }

    private static Answer answer(String linkId, String location, QuestionnaireResponseItemAnswerComponent answer) {
        Type value = answer.getValue();
        if (value instanceof Coding coding) {
            return new Answer(linkId, location + ".value.ofType(Coding)", coding.getSystem(), coding.getCode(), null);
        } else if (value instanceof IntegerType integer) {
            return new Answer(linkId, location + ".value.ofType(integer)", null, null, integer.getValue());
        }
        // Any other answer type is no answer code of the instrument: named as given
        return new Answer(linkId, location, null, value == null ? null : value.primitiveValue(), null);
    }
}
