package dev.iamlint.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import dev.iamlint.hcl.Hcl2Json;
import dev.iamlint.hcl.HclParseResult;
import dev.iamlint.hcl.HclParser;

/**
 * The HCL parser on any text: it gives a tree or a located error, never an exception. A parsed
 * file also goes through hcl2json, which walks every expression.
 */
public final class HclFuzz {
  private HclFuzz() {}

  public static void fuzzerTestOneInput(FuzzedDataProvider data) {
    String text = data.consumeRemainingAsString();
    HclParseResult result = HclParser.parse("fuzz.tf", text);
    if (!(result instanceof HclParseResult.Parsed p)) return;
    try {
      Hcl2Json.toJson(Hcl2Json.convert(p.file()));
    } catch (Hcl2Json.Unconvertible e) {
      // A construct JSON cannot hold: said, not thrown at the user.
    }
  }
}
