package org.storybank.command.bank;

import java.util.List;

/** What an import did: stories created or revised, stories already as imported, and bad entries. */
record ImportReport(int imported, int unchanged, List<RowError> errors) {

  ImportReport {
    errors = List.copyOf(errors);
  }

  /** One bad entry: its row (1 is the first entry), the field at fault and why. */
  record RowError(int row, String field, String message) {}
}
