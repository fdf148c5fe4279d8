package com.hirepilot.app.candidate;

import static com.hirepilot.app.testing.RecruiterApi.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.hirepilot.app.HirePilotApplication;
import com.hirepilot.app.testing.RecruiterApi;
import com.hirepilot.app.testing.TestRuntime;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/** security.md line 27: what a file is comes from its bytes, and only some kinds are taken. */
@SpringBootTest(
    classes = HirePilotApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ContextConfiguration(initializers = TestRuntime.OnH2.class)
class UploadAllowListTests {

  final RecruiterApi api = new RecruiterApi(TestRuntime.h2().origin(), TestRuntime.RECRUITER_TOKEN);
  final Path stored = TestRuntime.h2().dataDir.resolve("attachments");

  /** The start of a Windows executable: the MZ header pointing at a PE signature. */
  static byte[] windowsExecutable() {
    byte[] exe = new byte[256];
    exe[0] = 'M';
    exe[1] = 'Z';
    exe[0x3c] = (byte) 0x80;
    exe[0x80] = 'P';
    exe[0x81] = 'E';
    return exe;
  }

  static byte[] pdf() throws IOException {
    try (PDDocument document = new PDDocument();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      document.addPage(new PDPage());
      document.save(out);
      return out.toByteArray();
    }
  }

  /** A minimal but valid Word document: content types, package relationships, the body. */
  static byte[] docx() throws IOException {
    return officePackage(
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml");
  }

  /** The same package declaring a macro-enabled main part: not a plain Word document. */
  static byte[] docm() throws IOException {
    return officePackage("application/vnd.ms-word.document.macroEnabled.main+xml");
  }

  static byte[] officePackage(String mainPartType) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      entry(
          zip,
          "[Content_Types].xml",
          """
          <?xml version="1.0" encoding="UTF-8"?>
          <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
          <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
          <Default Extension="xml" ContentType="application/xml"/>
          <Override PartName="/word/document.xml" ContentType="%s"/>
          </Types>"""
              .formatted(mainPartType));
      entry(
          zip,
          "_rels/.rels",
          """
          <?xml version="1.0" encoding="UTF-8"?>
          <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
          <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
          </Relationships>""");
      entry(
          zip,
          "word/document.xml",
          """
          <?xml version="1.0" encoding="UTF-8"?>
          <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
          <w:body><w:p><w:r><w:t>Jordan Lee, platform engineer</w:t></w:r></w:p></w:body>
          </w:document>""");
    }
    return out.toByteArray();
  }

  static byte[] plainZip() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      entry(zip, "run.bat", "echo hello");
    }
    return out.toByteArray();
  }

  static byte[] png() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB), "png", out);
    return out.toByteArray();
  }

  private static void entry(ZipOutputStream zip, String name, String content) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    zip.write(content.getBytes(StandardCharsets.UTF_8));
    zip.closeEntry();
  }

  long storedFiles() throws IOException {
    if (!Files.exists(stored)) {
      return 0;
    }
    try (Stream<Path> files = Files.list(stored)) {
      return files.count();
    }
  }

  void assertRefused(String filename, byte[] content) throws IOException {
    String candidateId = api.create("/api/candidates", "{\"name\":\"Lee\"}");
    long before = storedFiles();
    HttpResponse<String> refused = api.upload(candidateId, filename, content, "RESUME", true);
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
    JsonNode problem = json(refused);
    assertThat(problem.at("/errors/0/field").asText()).isEqualTo("file");
    assertThat(problem.get("detail").asText()).contains("PDF, Word (DOCX or DOC)");
    assertThat(json(api.get("/api/candidates/" + candidateId)).get("attachments")).isEmpty();
    assertThat(storedFiles()).as("no file left behind").isEqualTo(before);
  }

  @Test
  void anExecutableNamedCvPdfIsRefusedAndNothingIsStored() throws IOException {
    assertRefused("cv.pdf", windowsExecutable());
  }

  @Test
  void aPlainZipNamedLikeAWordDocumentIsRefused() throws IOException {
    assertRefused("cv.docx", plainZip());
  }

  @Test
  void aMacroEnabledDocumentNamedDocxIsRefused() throws IOException {
    assertRefused("cv.docx", docm());
  }

  @Test
  void aRealPdfADocxAndAPngAreAccepted() throws IOException {
    String candidateId = api.create("/api/candidates", "{\"name\":\"Lee\"}");
    HttpResponse<String> pdf = api.upload(candidateId, "cv.pdf", pdf(), "RESUME", true);
    HttpResponse<String> docx = api.upload(candidateId, "cv.docx", docx(), "RESUME", true);
    HttpResponse<String> png = api.upload(candidateId, "photo.png", png(), "OTHER", false);

    assertThat(pdf.statusCode()).as(pdf.body()).isEqualTo(201);
    assertThat(json(pdf).get("contentType").asText()).isEqualTo("application/pdf");
    assertThat(docx.statusCode()).as(docx.body()).isEqualTo(201);
    assertThat(json(docx).get("contentType").asText())
        .isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    assertThat(png.statusCode()).as(png.body()).isEqualTo(201);
    assertThat(json(png).get("contentType").asText()).isEqualTo("image/png");
  }
}
