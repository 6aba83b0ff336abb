package health.continuum.conformance.glue;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Remembers computed values up to a number of keys, then computes without remembering: keys come from clients
 * (extension URLs, codes), so an unbounded memo would let a client fill the heap.
 */
final class BoundedMemo<K, V> {

    private final Map<K, V> values = new ConcurrentHashMap<>();
    private final int maxKeys;
    private final Function<K, V> compute;

    BoundedMemo(int maxKeys, Function<K, V> compute) {
        this.maxKeys = maxKeys;
        this.compute = compute;
    }

    V get(K key) {
        V known = values.get(key);
        if (known != null) {
            return known;
        }
        V value = compute.apply(key);
        if (values.size() < maxKeys) {
            values.put(key, value);
        }
        return value;
    }
}
