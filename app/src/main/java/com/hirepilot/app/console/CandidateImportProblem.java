package com.hirepilot.app.console;

import com.hirepilot.app.candidate.CandidateImport;

/**
 * One refused cell of a CSV import as the candidates page lists it: the import names a cell {@code
 * "row 3: email"}, the page shows the row and the column apart.
 */
record CandidateImportProblem(String row, String column, String message) {

  static CandidateImportProblem of(CandidateImport.RowError error) {
    String field = error.field() == null ? "" : error.field();
    String row =
        field.startsWith("row ") && field.contains(":")
            ? field.substring("row ".length(), field.indexOf(':'))
            : "";
    int colon = field.indexOf(": ");
    String column = colon >= 0 ? field.substring(colon + 2) : field;
    return new CandidateImportProblem(row, column, error.message());
  }
}
