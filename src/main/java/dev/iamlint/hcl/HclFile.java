package dev.iamlint.hcl;

/** A parsed HCL file: its body and the text it was parsed from (ranges index into it). */
public record HclFile(String name, String text, Body body) {

  /** The exact source text of a range. */
  public String source(SourceRange range) {
    return text.substring(range.start(), range.end());
  }
}
