package dev.shakedown.dsl;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The type checker's own sentences, as a script author reads them: no prefix, no packages, no jargon. */
class StrictMessagesTest {
    @Test
    void aMissingMethodIsSaidWithTheNamesTheScriptUses() {
        assertThat(StrictMessages.plain("[Static type checking] - Cannot find matching method java.time.Duration#foo(int)."
                + " Please check if the declared type is correct and if the method exists.")).isEqualTo("Duration has no method foo(int)");
    }

    @Test
    void nestedClassesAndAssignmentsLoseTheirPackages() {
        assertThat(StrictMessages.plain("[Static type checking] - No such property: p97 for class: dev.shakedown.dsl.SloBuilder$Latency"))
                .isEqualTo("Latency has no property 'p97'");
        assertThat(StrictMessages.plain("[Static type checking] - Cannot assign value of type java.lang.String to variable of type java.time.Duration"))
                .isEqualTo("a variable of type Duration cannot hold a value of type String");
    }

    @Test
    void theExtensionsOwnSentencesOnlyLoseThePrefix() {
        assertThat(StrictMessages.plain("[Static type checking] - unknown variable 'holdfor', did you mean 'holdFor'?"))
                .isEqualTo("unknown variable 'holdfor', did you mean 'holdFor'?");
    }
}
