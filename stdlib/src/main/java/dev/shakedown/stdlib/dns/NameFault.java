package dev.shakedown.stdlib.dns;

import java.net.InetAddress;
import dev.shakedown.engine.plan.Durations;
import java.time.Duration;

/** What the dns server does to the queries for one name while a {@code dnsFailure} is active. */
sealed interface NameFault {
    /** The fault's word in evidence: the {@code mode:} it was given, or {@code latency} or {@code answer}. */
    String mode();

    /** Answers NXDOMAIN: the name does not exist. */
    record NxDomain() implements NameFault {
        @Override
        public String mode() {
            return "nxdomain";
        }

        @Override
        public String toString() {
            return "answer NXDOMAIN (no such name)";
        }
    }

    /** Answers SERVFAIL: the server could not resolve the name. */
    record ServFail() implements NameFault {
        @Override
        public String mode() {
            return "servfail";
        }

        @Override
        public String toString() {
            return "answer SERVFAIL (server failure)";
        }
    }

    /** Never answers, so the client's query times out. */
    record Silence() implements NameFault {
        @Override
        public String mode() {
            return "timeout";
        }

        @Override
        public String toString() {
            return "never answer (queries time out)";
        }
    }

    /** Answers correctly, {@code delay} late. */
    record Latency(Duration delay) implements NameFault {
        @Override
        public String mode() {
            return "latency";
        }

        @Override
        public String toString() {
            return "answer correctly " + Durations.format(delay) + " late";
        }
    }

    /** Answers with {@code address} instead of the declared addresses. */
    record WrongAnswer(InetAddress address) implements NameFault {
        @Override
        public String mode() {
            return "answer";
        }

        @Override
        public String toString() {
            return "answer " + address.getHostAddress() + " instead of the declared addresses";
        }
    }
}
