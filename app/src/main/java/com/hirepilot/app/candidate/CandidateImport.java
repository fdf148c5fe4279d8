package com.hirepilot.app.candidate;

import com.hirepilot.app.system.InvalidInputException;
import com.hirepilot.app.system.UserText;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.stereotype.Service;

/**
 * Reads a spreadsheet of candidates and creates them all, or none. Every cell passes the same gates
 * as JSON input: {@link UserText}, then the constraints of {@link CandidateProfile}. Errors name
 * the row as a spreadsheet shows it (the header is row 1) and the column.
 */
@Service
public class CandidateImport {

  public static final List<String> COLUMNS =
      List.of(
          "name",
          "title",
          "currentCompany",
          "skills",
          "summary",
          "email",
          "phone",
          "internalNotes");

  /** Bigger files are refused with 413 before they are parsed. */
  public static final int MAX_BYTES = 2 * 1024 * 1024;

  static final int MAX_ROWS = 1_000;

  /** One refused cell. */
  public record RowError(String field, String message) {}

  /** The whole file was refused: nothing was imported. */
  public static class Refused extends RuntimeException {
    final List<RowError> errors;

    Refused(List<RowError> errors) {
      super("Some rows are invalid; nothing was imported. See errors.");
      this.errors = errors;
    }

    /** Every refused cell, in row order. */
    public List<RowError> errors() {
      return errors;
    }
  }

  public record Imported(int row, Candidate candidate) {}

  private final CandidateProfiles profiles;
  private final Validator validator;

  CandidateImport(CandidateProfiles profiles, Validator validator) {
    this.profiles = profiles;
    this.validator = validator;
  }

  /**
   * Creates a candidate for each row of the file, or none.
   *
   * @throws Refused listing every bad cell, when any row is bad
   * @throws InvalidInputException when the file as a whole is not a candidates CSV
   */
  public List<Imported> importCsv(String workspaceId, byte[] bytes) {
    String text = decode(bytes);
    List<RowError> errors = new ArrayList<>();
    List<CandidateProfile> rows = new ArrayList<>();
    List<Integer> rowNumbers = new ArrayList<>();
    CSVFormat format =
        CSVFormat.DEFAULT
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setIgnoreEmptyLines(true)
            .setTrim(true)
            .get();
    try (Reader reader = new StringReader(text);
        CSVParser parser = format.parse(reader)) {
      List<String> header = parser.getHeaderNames();
      checkHeader(header);
      int index = 0;
      for (CSVRecord record : parser) {
        index++;
        if (index > MAX_ROWS) {
          throw new InvalidInputException(
              "file", "the file has more than " + MAX_ROWS + " rows; split it up");
        }
        // Rows as a spreadsheet shows them: the header is row 1, each record one row.
        int row = index + 1;
        CandidateProfile candidate = read(record, row, errors);
        if (candidate == null) {
          continue;
        }
        Set<ConstraintViolation<CandidateProfile>> violations = validator.validate(candidate);
        violations.stream()
            .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
            .forEach(
                v ->
                    errors.add(
                        new RowError(
                            "row " + row + ": " + column(v.getPropertyPath().toString()),
                            v.getMessage())));
        rows.add(candidate);
        rowNumbers.add(row);
      }
    } catch (IOException | IllegalStateException | IllegalArgumentException e) {
      // Commons CSV reports a malformed file (an unclosed quote, a duplicate header) this way.
      throw new InvalidInputException("file", "the file is not valid CSV: " + e.getMessage());
    }
    if (!errors.isEmpty()) {
      throw new Refused(errors);
    }
    if (rows.isEmpty()) {
      throw new InvalidInputException("file", "the file has a header but no candidates");
    }
    List<Candidate> created = profiles.createAll(workspaceId, rows);
    List<Imported> out = new ArrayList<>();
    for (int i = 0; i < created.size(); i++) {
      out.add(new Imported(rowNumbers.get(i), created.get(i)));
    }
    return out;
  }

  private static void checkHeader(List<String> header) {
    if (header.isEmpty()) {
      throw new InvalidInputException(
          "file", "the first row must name the columns: " + String.join(",", COLUMNS));
    }
    for (String name : header) {
      if (!COLUMNS.contains(name)) {
        throw new InvalidInputException(
            "row 1: " + name,
            "unknown column \"" + name + "\"; the columns are " + String.join(",", COLUMNS));
      }
    }
    if (!header.contains("name")) {
      throw new InvalidInputException("row 1: name", "the name column is required");
    }
  }

  private static CandidateProfile read(CSVRecord record, int row, List<RowError> errors) {
    Map<String, String> cells = record.toMap();
    String[] values = new String[COLUMNS.size()];
    boolean clean = true;
    for (int i = 0; i < COLUMNS.size(); i++) {
      String column = COLUMNS.get(i);
      String value = cells.get(column);
      try {
        value = UserText.clean(column, value);
      } catch (InvalidInputException e) {
        errors.add(new RowError("row " + row + ": " + column, e.getMessage()));
        clean = false;
      }
      values[i] = value == null || value.isEmpty() ? null : value;
    }
    if (!clean) {
      return null;
    }
    List<String> skills =
        values[3] == null
            ? List.of()
            : Arrays.stream(values[3].split(";"))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    return new CandidateProfile(
        values[0], values[1], values[2], skills, values[4], values[5], values[6], values[7]);
  }

  /** {@code skills[2]} is reported as the skills column. */
  private static String column(String propertyPath) {
    int bracket = propertyPath.indexOf('[');
    return bracket < 0 ? propertyPath : propertyPath.substring(0, bracket);
  }

  private static String decode(byte[] bytes) {
    try {
      String text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
      // Spreadsheet programs start UTF-8 exports with a byte order mark.
      return text.startsWith("\uFEFF") ? text.substring(1) : text;
    } catch (CharacterCodingException e) {
      throw new InvalidInputException("file", "the file is not UTF-8 text");
    }
  }
}
