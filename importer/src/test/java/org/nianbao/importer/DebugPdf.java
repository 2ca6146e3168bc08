package org.nianbao.importer;

import org.nianbao.importer.document.DocumentReader;
import java.nio.file.*;

public class DebugPdf {
    public static void main(String[] args) throws Exception {
        var doc = new DocumentReader().read(Files.readAllBytes(Path.of(args[0])), null, args[0]);
        System.out.println(doc.content());
    }
}
