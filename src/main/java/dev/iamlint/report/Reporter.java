package dev.iamlint.report;

import java.io.IOException;

/** Writes a report in one format. */
public interface Reporter {
  void write(Report report, Appendable out) throws IOException;
}
