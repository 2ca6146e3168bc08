package org.nianbao.importer;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.nianbao.model.template.TemplateCatalog;
import java.nio.file.*;

public class DebugImport {
    public static void main(String[] args) throws Exception {
        String text = Files.readString(Path.of(args[0]));
        while (text.startsWith("# source:") || text.startsWith("# note:")) text = text.substring(text.indexOf('\n') + 1);
        ReportImporter importer = new ReportImporter(TemplateCatalog.standard());
        ImportResult r = args[0].endsWith(".html") ? importer.importHtml(text) : importer.importText(text);
        Diagnostics d = r.diagnostics();
        System.out.println("template " + r.template());
        d.tables().forEach(t -> System.out.println("table " + t));
        d.notes().forEach(n -> System.out.println("note " + n));
        d.unplaced().forEach(u -> System.out.println("unplaced " + u));
        if (args.length > 1) d.cells().forEach(c -> System.out.println("cell " + c));
    }
}
