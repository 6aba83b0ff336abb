package health.continuum.medication;

import health.continuum.data.CsvReader;
import health.continuum.data.CsvRow;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Chooses the files a knowledge base is read from: by default each built-in classpath file; any file can be replaced by, or
 * extended with, files on disk. Nothing is read until {@link #load()}, which reads them and has each line validated.
 */
public final class KnowledgeBaseLoader {

    /** A named file to read; name is how problems refer to it. */
    record DataSource(String name, Opener opener) {
    }

    interface Opener {
        InputStream open() throws IOException;
    }

    private final Map<KnowledgeBaseFile, List<DataSource>> sources = new EnumMap<>(KnowledgeBaseFile.class);

    KnowledgeBaseLoader() {
        for (KnowledgeBaseFile file : KnowledgeBaseFile.values()) {
            sources.put(file, new ArrayList<>(List.of(classpath(file))));
        }
    }

    /** Reads {@code path} instead of every file configured so far for {@code file}. */
    public KnowledgeBaseLoader replace(KnowledgeBaseFile file, Path path) {
        sources.get(file).clear();
        return extend(file, path);
    }

    /** Reads {@code path} after the files configured so far for {@code file}; ids must stay unique across them. */
    public KnowledgeBaseLoader extend(KnowledgeBaseFile file, Path path) {
        sources.get(file).add(new DataSource(path.toString(), () -> Files.newInputStream(path)));
        return this;
    }

    /** Reads and validates every file; throws {@link KnowledgeBaseException} listing all problems found. */
    public MedicationKnowledgeBase load() {
        List<String> problems = new ArrayList<>();
        KnowledgeBaseValidator validator = new KnowledgeBaseValidator(problems);
        // In the order of KnowledgeBaseFile, which is the order in which the files refer to each other
        for (KnowledgeBaseFile file : KnowledgeBaseFile.values()) {
            validator.add(file, rows(file, problems));
        }
        if (!problems.isEmpty()) {
            throw new KnowledgeBaseException(problems);
        }
        return validator.knowledgeBase();
    }

    private List<CsvRow> rows(KnowledgeBaseFile file, List<String> problems) {
        List<CsvRow> rows = new ArrayList<>();
        for (DataSource source : sources.get(file)) {
            try (InputStream in = source.opener().open()) {
                rows.addAll(CsvReader.read(source.name(), in, file.columns(), problems));
            } catch (NoSuchFileException missing) {
                problems.add(source.name() + ": cannot read: no such file");
            } catch (IOException unreadable) {
                problems.add(source.name() + ": cannot read: " + unreadable.getMessage());
            }
        }
        return rows;
    }

    private static DataSource classpath(KnowledgeBaseFile file) {
        String resource = file.classpathResource();
        return new DataSource("classpath:" + resource, () -> {
            InputStream stream = KnowledgeBaseLoader.class.getClassLoader().getResourceAsStream(resource);
            if (stream == null) {
                throw new IOException("not on the classpath");
            }
            return stream;
        });
    }
}
