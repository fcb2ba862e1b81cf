package org.storybank.command.eventstore;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;

/**
 * Axon's aggregate cache on Caffeine: a bounded, recently-used set of loaded aggregates, so that a
 * burst of commands on one story does not replay its events each time. Axon drops an entry when a
 * unit of work rolls back, so a copy made stale by another instance costs one conflict, then
 * reloads.
 */
class CaffeineAggregateCache implements Cache {

  private final ConcurrentMap<Object, Object> entries;
  private final List<EntryListener> listeners = new CopyOnWriteArrayList<>();

  CaffeineAggregateCache(long maximumSize, Duration expireAfterAccess) {
    this.entries =
        Caffeine.newBuilder()
            .maximumSize(maximumSize)
            .expireAfterAccess(expireAfterAccess)
            .removalListener(
                (key, value, cause) -> {
                  if (cause == RemovalCause.EXPIRED || cause == RemovalCause.SIZE) {
                    listeners.forEach(listener -> listener.onEntryExpired(key));
                  }
                })
            .build()
            .asMap();
  }

  @Override
  @SuppressWarnings("unchecked")
  public <K, V> V get(K key) {
    V value = (V) entries.get(key);
    if (value != null) {
      listeners.forEach(listener -> listener.onEntryRead(key, value));
    }
    return value;
  }

  @Override
  public void put(Object key, Object value) {
    Object previous = entries.put(key, value);
    listeners.forEach(
        listener -> {
          if (previous == null) {
            listener.onEntryCreated(key, value);
          } else {
            listener.onEntryUpdated(key, value);
          }
        });
  }

  @Override
  public boolean putIfAbsent(Object key, Object value) {
    boolean added = entries.putIfAbsent(key, value) == null;
    if (added) {
      listeners.forEach(listener -> listener.onEntryCreated(key, value));
    }
    return added;
  }

  @Override
  public boolean remove(Object key) {
    boolean removed = entries.remove(key) != null;
    if (removed) {
      listeners.forEach(listener -> listener.onEntryRemoved(key));
    }
    return removed;
  }

  @Override
  public void removeAll() {
    entries.keySet().forEach(this::remove);
  }

  @Override
  public boolean containsKey(Object key) {
    return entries.containsKey(key);
  }

  @Override
  public Registration registerCacheEntryListener(EntryListener listener) {
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }
}
