package org.nianbao.importer.document;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.zip.InflaterInputStream;
import java.util.zip.ZipException;

/**
 * Refuses a PDF holding a Flate stream that inflates beyond the limit (a decompression bomb). PDFBox decodes a stream
 * into memory when the text layer is read, so a few hundred kilobytes inflating to gigabytes would exhaust the heap;
 * here every such stream is inflated once into nothing, counting bytes, before any of them is decoded for real.
 * Images are skipped: reading the text layer never decodes them.
 */
final class PdfStreamBombCheck {

    private final long maxBytes;

    PdfStreamBombCheck(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    void check(PDDocument document) throws IOException {
        for (COSObjectKey key : new ArrayList<>(document.getDocument().getXrefTable().keySet())) {
            COSObject object = document.getDocument().getObjectFromPool(key);
            COSBase base = object == null ? null : object.getObject();
            if (base instanceof COSStream stream && firstFilterIsFlate(stream)
                    && !COSName.IMAGE.equals(stream.getCOSName(COSName.SUBTYPE))) {
                long inflated = inflatedSize(stream);
                if (inflated > maxBytes) {
                    throw new DocumentException(DocumentException.Reason.TOO_LARGE, "The PDF is refused: a stream of"
                            + " it (object " + key.getNumber() + ") inflates to more than " + maxBytes
                            + " bytes (a decompression bomb?). Print the report to a new PDF and send that.");
                }
            }
        }
    }

    private static boolean firstFilterIsFlate(COSStream stream) {
        COSBase filter = stream.getFilters();
        if (filter instanceof COSName name) {
            return COSName.FLATE_DECODE.equals(name);
        }
        if (filter instanceof COSArray array && array.size() > 0) {
            return COSName.FLATE_DECODE.equals(array.getObject(0));
        }
        return false;
    }

    private long inflatedSize(COSStream stream) throws IOException {
        byte[] buffer = new byte[64 << 10];
        long total = 0;
        try (InputStream raw = stream.createRawInputStream(); InputStream in = new InflaterInputStream(raw)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                total += n;
                if (total > maxBytes) {
                    return total;
                }
            }
        } catch (ZipException e) {
            // a damaged stream: PDFBox reads what it can of it, as it would without this check
            return total;
        }
        return total;
    }
}
