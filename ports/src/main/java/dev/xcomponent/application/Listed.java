package dev.xcomponent.application;

import dev.xcomponent.domain.engine.Instance;
import dev.xcomponent.port.InstanceCursor;
import dev.xcomponent.port.InstanceQuery;
import dev.xcomponent.port.InstanceView;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * An instance a listing met and kept: its position, and its view, built only when it is listed.
 * A live instance is shown as it was when its filters were checked.
 */
final class Listed {
  final InstanceCursor position;
  private final ComponentRuntime runtime;
  private final InstanceSlot slot;
  private final Instance image;
  private final InstanceView view;

  private Listed(InstanceCursor position, ComponentRuntime runtime, InstanceSlot slot, Instance image, InstanceView view) {
    this.position = position;
    this.runtime = runtime;
    this.slot = slot;
    this.image = image;
    this.view = view;
  }

  InstanceView view() {
    if (view != null) {
      return view;
    }
    boolean removed = slot.removed;
    return InstanceViews.of(runtime, image, removed ? null : slot.timers, removed);
  }

  private static Listed ofSlot(ComponentRuntime rt, InstanceSlot slot, InstanceQuery q) {
    Instance i = slot.instance;
    return q.matches(i.machine().name(), i.state(), i.status().jsonName())
        ? new Listed(new InstanceCursor(i.createdAt(), i.id()), rt, slot, i, null)
        : null;
  }

  /**
   * The instances of {@code slots} (live ones, and finished ones still retained: a slot marked
   * removed holds its final image) that pass the filters of {@code q}.
   */
  static Iterator<Listed> live(ComponentRuntime rt, Iterator<InstanceSlot> slots, InstanceQuery q) {
    return new Filtered<>(slots) {
      @Override
      Listed keep(InstanceSlot slot) {
        return ofSlot(rt, slot, q);
      }
    };
  }

  /** The finished instances of {@code views} that pass the filters of {@code q}. */
  static Iterator<Listed> finished(Iterator<InstanceView> views, InstanceQuery q) {
    return new Filtered<>(views) {
      @Override
      Listed keep(InstanceView v) {
        return ofView(v, q);
      }
    };
  }

  private static Listed ofView(InstanceView v, InstanceQuery q) {
    return q.matches(v.machineName(), v.currentState(), v.status())
        ? new Listed(InstanceCursor.of(v), null, null, null, v)
        : null;
  }

  /** The items of a source that {@link #keep} turns into a listed instance. */
  private abstract static class Filtered<T> implements Iterator<Listed> {
    private final Iterator<T> source;
    private Listed next;

    Filtered(Iterator<T> source) {
      this.source = source;
    }

    /** The listed instance for {@code item}, or null to skip it. */
    abstract Listed keep(T item);

    @Override
    public boolean hasNext() {
      while (next == null && source.hasNext()) {
        next = keep(source.next());
      }
      return next != null;
    }

    @Override
    public Listed next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      Listed out = next;
      next = null;
      return out;
    }
  }
}
