package dev.shakedown.schedule;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The leases of the embedded store's only node: a map in this process. */
final class LocalScenarioLocks implements ScenarioGuard.Locks {
    private final Map<Long, String> holders = new HashMap<>();

    @Override
    public synchronized ScenarioGuard.Attempt tryHold(List<Long> keys, String holder) {
        for (Long key : keys) {
            if (holders.containsKey(key)) return ScenarioGuard.Attempt.busy(holders.get(key));
        }
        keys.forEach(k -> holders.put(k, holder));
        return ScenarioGuard.Attempt.held(() -> release(keys));
    }

    private synchronized void release(List<Long> keys) {
        keys.forEach(holders::remove);
    }

}
