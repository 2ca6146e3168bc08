package org.nianbao.importer.cli;

/**
 * One document to import.
 *
 * @param source    how the summary names it: the file's path in the folder, or the URL (and the attachment followed)
 * @param fileName  the name it was published under (the file's name, an attachment's link text or the URL's last
 *                  segment): the fallback for the agency and year
 * @param bytes     the document as it is
 * @param mediaType the media type it goes with
 */
record Document(String source, String fileName, byte[] bytes, String mediaType) {
}
