package dev.shakedown.engine.plan;

import dev.shakedown.engine.spi.LoadAction;

/** Background traffic at a constant arrival rate (open loop: a stalled system does not slow it). */
public record LoadSpec(String name, LoadAction action, Rate rate, SourceRef source) {}
