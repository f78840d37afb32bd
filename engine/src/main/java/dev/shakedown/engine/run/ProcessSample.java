package dev.shakedown.engine.run;

/**
 * One process the script owns, in one monitoring window.
 *
 * @param pid        the PID read live at the sample (a restarted process has a new one)
 * @param cpuPercent CPU time it used in the window, in percent of one core (like {@code top}; a busy
 *                   multi-threaded process can pass 100); null when there is no earlier snapshot to measure
 *                   from (the process was already running, but not yet seen)
 * @param rssBytes   resident set size at the sample
 */
public record ProcessSample(long pid, Double cpuPercent, long rssBytes) {}
