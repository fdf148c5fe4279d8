package com.hirepilot.app.candidate;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The file types a resume or attachment may be (security.md 27), decided from the bytes. Tika's
 * detection by bytes alone says "an Office Open XML package" or "an OLE2 Office file" without
 * telling Word from Excel; only for those two the file's name may narrow the type down, never widen
 * it: a plain zip or an executable named {@code cv.docx} stays what its bytes say.
 */
final class UploadTypes {

  static final String DOCX =
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
  static final String DOC = "application/msword";

  /** Types the bytes alone prove, accepted as they are. */
  private static final Set<String> BY_BYTES =
      Set.of(
          "application/pdf",
          "application/vnd.oasis.opendocument.text",
          "application/rtf",
          "text/plain",
          "image/png",
          "image/jpeg");

  static final String ACCEPTED =
      "PDF, Word (DOCX or DOC), OpenDocument text (ODT), RTF, plain text, PNG or JPEG";

  private static final String WORD_MAIN_PART =
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";

  /** A content-types part is a few kilobytes; a huge one is not read. */
  private static final int MAX_CONTENT_TYPES = 1 << 20;

  private UploadTypes() {}

  /**
   * @param byBytes the type detected from the content alone
   * @param filename the file's (sanitised) name, which can only tell an OLE2 file is a DOC
   * @param file the stored file, for a look inside an Office Open XML package
   * @return the type to store, or empty when the file is not one of the accepted kinds
   */
  static Optional<String> accepted(String byBytes, String filename, Path file) {
    if (BY_BYTES.contains(byBytes)) {
      return Optional.of(byBytes);
    }
    if (byBytes.equals("application/x-tika-ooxml") && declaresWordMainPart(file)) {
      return Optional.of(DOCX);
    }
    if (byBytes.equals("application/x-tika-msoffice")
        && filename.toLowerCase(Locale.ROOT).endsWith(".doc")) {
      return Optional.of(DOC);
    }
    return Optional.empty();
  }

  /** The package's {@code [Content_Types].xml} names a (macro-free) Word main document part. */
  private static boolean declaresWordMainPart(Path file) {
    try (ZipFile zip = new ZipFile(file.toFile())) {
      ZipEntry types = zip.getEntry("[Content_Types].xml");
      if (types == null || types.getSize() > MAX_CONTENT_TYPES) {
        return false;
      }
      try (InputStream in = zip.getInputStream(types)) {
        String xml = new String(in.readNBytes(MAX_CONTENT_TYPES), StandardCharsets.UTF_8);
        return xml.contains(WORD_MAIN_PART);
      }
    } catch (IOException e) {
      return false; // not a readable zip after all
    }
  }
}
