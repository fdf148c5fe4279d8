package com.hirepilot.app.candidate;

import com.hirepilot.app.workspace.CurrentRecruiter;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Recruiter API: many candidates at once from a spreadsheet's CSV export, all or nothing. */
@RestController
class CandidateImportController {

  private final CandidateImport imports;

  CandidateImportController(CandidateImport imports) {
    this.imports = imports;
  }

  record ImportedCandidate(int row, String id, String name) {}

  record ImportResult(int imported, List<ImportedCandidate> candidates) {}

  @PostMapping(path = "/api/candidates/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @Operation(
      summary = "Import candidates from a CSV file (multipart field \"file\")",
      description =
          "Header row: name,title,currentCompany,skills,summary,email,phone,internalNotes (skills"
              + " separated by ';'). All or nothing: any bad row answers 422 with one error per"
              + " row and field, e.g. \"row 3: email\" (the header is row 1).")
  ResponseEntity<ImportResult> importFile(@RequestParam("file") MultipartFile file) {
    if (file.getSize() > CandidateImport.MAX_BYTES) {
      throw tooLarge();
    }
    try (InputStream in = file.getInputStream()) {
      return answer(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @PostMapping(path = "/api/candidates/import", consumes = "text/csv")
  @Operation(summary = "Import candidates from a CSV request body")
  ResponseEntity<ImportResult> importBody(
      @io.swagger.v3.oas.annotations.parameters.RequestBody(
              content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))
          @RequestBody
          byte[] csv) {
    if (csv.length > CandidateImport.MAX_BYTES) {
      throw tooLarge();
    }
    return answer(csv);
  }

  @ExceptionHandler(CandidateImport.Refused.class)
  ResponseEntity<ProblemDetail> refused(CandidateImport.Refused e) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY, e.getMessage());
    problem.setTitle("Invalid input");
    problem.setType(URI.create("about:blank"));
    problem.setProperty(
        "errors",
        e.errors.stream().map(r -> Map.of("field", r.field(), "message", r.message())).toList());
    return ResponseEntity.unprocessableEntity()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }

  private ResponseEntity<ImportResult> answer(byte[] csv) {
    List<CandidateImport.Imported> imported =
        imports.importCsv(CurrentRecruiter.get().workspaceId(), csv);
    return ResponseEntity.status(HttpStatus.CREATED)
        .body(
            new ImportResult(
                imported.size(),
                imported.stream()
                    .map(
                        i ->
                            new ImportedCandidate(
                                i.row(), i.candidate().id(), i.candidate().name()))
                    .toList()));
  }

  private static ErrorResponseException tooLarge() {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.PAYLOAD_TOO_LARGE,
            "The file is larger than " + CandidateImport.MAX_BYTES / 1024 + " KB; split it up.");
    problem.setTitle("File too large");
    return new ErrorResponseException(HttpStatus.PAYLOAD_TOO_LARGE, problem, null);
  }
}
