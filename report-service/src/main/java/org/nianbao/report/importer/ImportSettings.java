package org.nianbao.report.importer;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import org.nianbao.importer.ImportLimits;

/** How much one import request may read and answer ({@code nianbao.import.*}; see the README's import limits). */
@ConfigMapping(prefix = "nianbao.import")
public interface ImportSettings {

    /** The size in bytes of a text or HTML body, and of the text read from any document: a larger one is answered 413. */
    @WithDefault("1048576")
    long maxBytes();

    /** The size in bytes of a PDF, Word or Excel document as sent: a larger one is answered 413. */
    @WithDefault("20971520")
    long maxDocumentBytes();

    /** Lines of a text, or lines of a page's blocks and table rows. */
    @WithDefault("20000")
    int maxLines();

    @WithDefault("100")
    int maxTables();

    @WithDefault("1000")
    int maxRowsPerTable();

    @WithDefault("100")
    int maxColumns();

    @WithDefault("10000")
    int maxCellsPerTable();

    @WithDefault("1000")
    int maxSpanCells();

    /** Entries listed in each of diagnostics.unplaced, proseFigures and notes; the rest are counted in leftOut. */
    @WithDefault("200")
    int maxListed();

    /** After this the import stops itself and answers 503. */
    @WithDefault("10s")
    Duration timeout();

    default ImportLimits limits() {
        return new ImportLimits(maxBytes(), maxLines(), maxTables(), maxRowsPerTable(), maxColumns(), maxCellsPerTable(),
                maxSpanCells(), maxListed(), timeout());
    }
}
