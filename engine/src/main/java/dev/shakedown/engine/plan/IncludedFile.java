package dev.shakedown.engine.plan;

/**
 * A file the script included ({@code include 'lib/common.chaos.groovy'} or {@code include 'stdlib:demo'}), as it
 * was when the plan was built, so that the evidence says exactly which code made the plan.
 *
 * @param path   as the script's messages show it: relative to the working directory when below it, or {@code stdlib:NAME}
 * @param sha256 of the bytes that were compiled
 */
public record IncludedFile(String path, String sha256) {}
