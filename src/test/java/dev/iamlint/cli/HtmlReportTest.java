package dev.iamlint.cli;

import static dev.iamlint.cli.CliTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The html report: never the credential a finding is about; ordered by severity, with a search
 * box, an order switch and rule ids that link to the rules' documentation in the page.
 */
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

  // The page as served is in the default order (files by their most severe finding, findings by
  // severity); every rule id links to a section of the page; nothing is fetched. The script's
  // behaviour (search, filters, order, counts) is driven in Chromium by tools/e2e/html-screenshot.
  @Test
  void findingsComeBySeverityAndRuleIdsLinkToTheirDocumentation() throws IOException {
    Files.createDirectories(dir.resolve("a"));
    Files.writeString(dir.resolve("a/low.tf"), """
        resource "aws_iam_user" "bob" {
          name = "bob"
        }
        """);
    Files.writeString(dir.resolve("z.tf"), """
        resource "aws_iam_user" "alice" {
          name = "alice"
        }
        resource "aws_iam_user_policy_attachment" "admin" {
          user       = aws_iam_user.alice.name
          policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"
        }
        """);
    Path html = dir.resolve("report.html");
    CliTest.Run r = run("scan", "--no-config", "--format", "html=" + html, dir.toString());
    assertEquals(1, r.code(), r.err());
    String page = Files.readString(html);
    List<String> files = matches(page, "<section class=\"file\" data-file=\"([^\"]*)\"");
    assertTrue(files.get(0).endsWith("z.tf"), "the file with the most severe finding first: " + files);
    List<String> ranks = matches(page, "<article class=\"finding[^>]* data-rank=\"(\\d)\"");
    String inFirstFile = page.substring(page.indexOf("data-file=\"" + files.get(0)), page.indexOf("data-file=\"" + files.get(1)));
    List<String> firstRanks = matches(inFirstFile, "<article class=\"finding[^>]* data-rank=\"(\\d)\"");
    assertEquals(firstRanks.stream().sorted().toList(), firstRanks, "by severity within a file");
    assertTrue(ranks.size() > firstRanks.size(), "both files have findings: " + ranks);
    List<String> links = matches(page, "href=\"#rule-([A-Z]+\\d+)\"");
    assertTrue(links.contains("ADM001"), "ADM001 links to its documentation");
    for (String id : links) assertTrue(page.contains("<section class=\"rule-doc\" id=\"rule-" + id + "\""), id);
    assertTrue(page.contains("<input type=\"search\" id=\"search\"") && page.contains("<select id=\"order\">"), "the controls");
    assertTrue(page.contains("<span class=\"count\" data-total=\""), "per-file counts the script updates");
    assertFalse(page.matches("(?s).*(<script[^>]+src=|<link |<img |url\\(|@import).*"), "nothing is fetched");
  }

  private static List<String> matches(String text, String regex) {
    List<String> all = new ArrayList<>();
    Matcher m = Pattern.compile(regex).matcher(text);
    while (m.find()) all.add(m.group(1));
    return all;
  }
}
