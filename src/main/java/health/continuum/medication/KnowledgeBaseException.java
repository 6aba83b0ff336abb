package health.continuum.medication;

import java.util.List;

/** The knowledge base files are unreadable or invalid; each problem reads "source:line: what is wrong". */
public class KnowledgeBaseException extends RuntimeException {

    private final List<String> problems;

    public KnowledgeBaseException(List<String> problems) {
        super("Invalid medication knowledge base:\n" + String.join("\n", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
