/**
 * The bundled system under test: {@code db} (H2 over TCP), {@code guardian} (policy decisions) and
 * {@code gateway} (the public API that fails closed). Each runs as its own process through a
 * {@code *Main} class, or in-process through {@link dev.shakedown.demo.Db}, {@link dev.shakedown.demo.Guardian}
 * and {@link dev.shakedown.demo.Gateway}, so that chaos experiments break something real.
 */
package dev.shakedown.demo;
