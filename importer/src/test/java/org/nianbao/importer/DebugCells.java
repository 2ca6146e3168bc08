package org.nianbao.importer;

import org.nianbao.model.template.TemplateCatalog;
import java.nio.file.*;
import java.util.*;

public class DebugCells {
    public static void main(String[] args) throws Exception {
        String text = Files.readString(Path.of(args[0]));
        while (text.startsWith("# source:") || text.startsWith("# note:")) text = text.substring(text.indexOf('\n') + 1);
        TemplateCatalog catalog = TemplateCatalog.standard();
        Vocabulary v = Vocabulary.standard();
        TemplateDetector det = new TemplateDetector(catalog, v);
        List<String> labels = new ArrayList<>();
        catalog.sections().forEach(s -> { labels.add(s.label()); labels.addAll(v.sectionAliases().getOrDefault(s.code(), List.of())); });
        List<SourceLine> lines = new HeadingBreaker(labels).apply(TextNormalizer.splitLines(text), Deadline.after(java.time.Duration.ofSeconds(10)));
        for (SourceLine l : lines) System.out.println("LINE " + l.number() + ": " + l.text().substring(0, Math.min(80, l.text().length())));
        List<CellRow> rows = new CellTokenizer(v, new LabelDictionary(det.allKeys())).tokenize(lines, ImportLimits.defaults(), Deadline.after(java.time.Duration.ofSeconds(10)));
        for (CellRow r : rows) for (CellText c : r.cells()) System.out.println(r.line() + " " + c.kind() + " " + c.text());
    }
}
