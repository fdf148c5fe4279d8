package com.hirepilot.app.candidate;

import java.util.Optional;
import java.util.Set;

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

  private UploadTypes() {}

  /**
   * @param byBytes the type detected from the content alone
   * @param byBytesAndName the type detected from the content with the file's name as a hint
   * @return the type to store, or empty when the file is not one of the accepted kinds
   */
  static Optional<String> accepted(String byBytes, String byBytesAndName) {
    if (BY_BYTES.contains(byBytes)) {
      return Optional.of(byBytes);
    }
    if (byBytes.equals("application/x-tika-ooxml") && byBytesAndName.equals(DOCX)) {
      return Optional.of(DOCX);
    }
    if (byBytes.equals("application/x-tika-msoffice") && byBytesAndName.equals(DOC)) {
      return Optional.of(DOC);
    }
    return Optional.empty();
  }
}
