package com.hirepilot.app.console;

import com.hirepilot.app.candidate.CandidateImport;
import com.hirepilot.app.system.InvalidInputException;
import com.hirepilot.app.workspace.CurrentRecruiter;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Importing candidates from a CSV file in the console, all rows or none, and the example file the
 * import form offers. The import is {@link CandidateImport}'s, as in the recruiter API.
 */
@Controller
class ConsoleCandidateImportController {

  /** What the import form shows as the expected header and offers as an example file. */
  static final String EXAMPLE_CSV =
      String.join(",", CandidateImport.COLUMNS)
          + "\n"
          + "Jordan Lee,Staff Engineer,Northwind,Java;Kotlin;PostgreSQL,"
          + "\"Led the payments platform, 8 years of backend work.\",jordan@example.com,"
          + "+1 555 0100,Prefers remote\n"
          + "Sam Rivera,Data Scientist,Contoso,Python;SQL,,sam@example.com,,\n";

  private final ConsoleCandidatePages pages;
  private final CandidateImport imports;

  ConsoleCandidateImportController(ConsoleCandidatePages pages, CandidateImport imports) {
    this.pages = pages;
    this.imports = imports;
  }

  @GetMapping("/console/candidates/import-example.csv")
  ResponseEntity<String> importExample() {
    return ResponseEntity.ok()
        .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename("candidates-example.csv").build().toString())
        .body(EXAMPLE_CSV);
  }

  @PostMapping("/console/candidates/import")
  String importCsv(
      @RequestParam(name = "file", required = false) MultipartFile file,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    if (file == null || file.isEmpty()) {
      return importAgain("choose a CSV file to import", model, response);
    }
    if (file.getSize() > CandidateImport.MAX_BYTES) {
      return importAgain(
          "the file is larger than " + CandidateImport.MAX_BYTES / 1024 + " KB; split it up",
          model,
          response);
    }
    List<CandidateImport.Imported> imported;
    try {
      imported = imports.importCsv(CurrentRecruiter.get().workspaceId(), bytes(file));
    } catch (CandidateImport.Refused e) {
      // Rows in error: every one is listed, and nothing was imported.
      response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
      model.addAttribute(
          "importErrors", e.errors().stream().map(CandidateImportProblem::of).toList());
      model.addAttribute("importOpen", true);
      return pages.list(null, 0, model);
    } catch (InvalidInputException e) {
      // The file as a whole is not a candidates CSV.
      return importAgain(e.getMessage(), model, response);
    }
    redirect.addFlashAttribute(
        "notice",
        "Imported " + imported.size() + (imported.size() == 1 ? " candidate." : " candidates."));
    return "redirect:/console/candidates";
  }

  /** The list again with the import form open and why the file was refused. */
  private String importAgain(String problem, Model model, HttpServletResponse response) {
    response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
    model.addAttribute("error", problem);
    model.addAttribute("importOpen", true);
    return pages.list(null, 0, model);
  }

  private static byte[] bytes(MultipartFile file) {
    try {
      return file.getBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
