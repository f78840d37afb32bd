package dev.shakedown.stdlib.dns;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** A child JVM that resolves one name every 50 ms and prints {@code ok <address>} or {@code fail <reason>}. */
public final class ResolveLoop {
    public static void main(String[] args) throws InterruptedException {
        while (true) {
            try {
                System.out.println("ok " + InetAddress.getByName(args[0]).getHostAddress());
            } catch (UnknownHostException e) {
                System.out.println("fail " + e);
            }
            Thread.sleep(50); // pacing only: the test waits on what it prints
        }
    }
}
