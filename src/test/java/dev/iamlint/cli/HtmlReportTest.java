package dev.iamlint.cli;

import static dev.iamlint.cli.CliTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The html report shows source lines: never the credential a finding is about. */
class HtmlReportTest {
  @TempDir
  Path dir;

  @Test
  void sourceLinesNeverShowACredential() throws IOException {
    Files.writeString(dir.resolve("main.tf"), """
        provider "aws" {
          region     = "eu-west-1"
          access_key = "AKIAZQ4TN3XK7PLWV2QH"
          secret_key = "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"
        }
        """);
    Path html = dir.resolve("report.html");
    CliTest.Run r = run("scan", "--no-config", "--format", "html=" + html, dir.toString());
    assertEquals(1, r.code(), r.err());
    String page = Files.readString(html);
    assertTrue(page.contains("[KEY006]") || page.contains(">KEY006<"), "the finding is there");
    assertFalse(page.contains("AKIAZQ4TN3XK7PLWV2QH"), "key id masked");
    assertFalse(page.contains("wJalrXUtnFEMI/K7MDENG/bPxRfiCYzQ3xT9vLk2"), "secret masked");
    assertTrue(page.contains("AKIA****************") && page.contains("wJal************************************"), page);
  }
}
