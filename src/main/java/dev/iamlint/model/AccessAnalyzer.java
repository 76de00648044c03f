package dev.iamlint.model;

/** An IAM Access Analyzer. */
public record AccessAnalyzer(ResourceRef resource) {}
