package org.gitterjakarta.ws.bayeux;

import jakarta.websocket.Session;
import java.lang.reflect.Field;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Delayed;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;

/**
 * Payara's websocket layer (Tyrus) re-arms a session's idle timer on every frame sent or received,
 * even when the idle timeout is off: it schedules a check that runs at once and does nothing, on a
 * managed executor that captures the thread's context for every task. In a fan-out that is a task
 * and a woken thread per frame and socket (8 % of the server's CPU at 1,000 subscribers in the
 * profile). With the timeout off ({@link IdleSockets} finds idle sockets) the session's one-shot
 * tasks are those checks, so this executor drops them while the timeout is off and hands all else
 * (heartbeats) to the container's. It replaces a private field of Tyrus's session: where that field
 * is not there (another Tyrus), the session keeps the container's executor and works as before.
 */
final class IdleTimerOff implements ScheduledExecutorService {

  private static final System.Logger LOGGER = System.getLogger(IdleTimerOff.class.getName());
  private static final String FIELD = "service";

  private static final AtomicBoolean TOLD = new AtomicBoolean();

  private final ScheduledExecutorService container;
  private final LongSupplier maxIdleTimeout;

  private IdleTimerOff(ScheduledExecutorService container, LongSupplier maxIdleTimeout) {
    this.container = container;
    this.maxIdleTimeout = maxIdleTimeout;
  }

  /** Gives the session this executor (before its idle timeout is set to 0); whether it could. */
  static boolean install(Session session) {
    boolean installed = install(session, session::getMaxIdleTimeout);
    if (TOLD.compareAndSet(false, true)) {
      LOGGER.log(
          System.Logger.Level.INFO,
          installed
              ? "Bayeux websockets: the container's per-frame idle timer is off"
              : "Bayeux websockets: the container keeps its per-frame idle timer");
    }
    return installed;
  }

  /** {@code session}'s executor field, when it has one, wrapped. */
  static boolean install(Object session, LongSupplier maxIdleTimeout) {
    try {
      Field field = field(session.getClass());
      if (field == null) {
        return false;
      }
      field.setAccessible(true);
      if (field.get(session) instanceof ScheduledExecutorService container
          && !(container instanceof IdleTimerOff)) {
        field.set(session, new IdleTimerOff(container, maxIdleTimeout));
        return true;
      }
      return false;
    } catch (ReflectiveOperationException | RuntimeException e) {
      LOGGER.log(System.Logger.Level.DEBUG, "The container keeps its idle timer", e);
      return false;
    }
  }

  private static Field field(Class<?> type) {
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      for (Field f : c.getDeclaredFields()) {
        if (f.getName().equals(FIELD) && f.getType() == ScheduledExecutorService.class) {
          return f;
        }
      }
    }
    return null;
  }

  @Override
  public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
    if (maxIdleTimeout.getAsLong() <= 0) {
      return Dropped.INSTANCE; // an idle check with the timeout off would do nothing
    }
    return container.schedule(command, delay, unit);
  }

  @Override
  public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
    return container.schedule(callable, delay, unit);
  }

  @Override
  public ScheduledFuture<?> scheduleAtFixedRate(
      Runnable command, long initialDelay, long period, TimeUnit unit) {
    return container.scheduleAtFixedRate(command, initialDelay, period, unit);
  }

  @Override
  public ScheduledFuture<?> scheduleWithFixedDelay(
      Runnable command, long initialDelay, long delay, TimeUnit unit) {
    return container.scheduleWithFixedDelay(command, initialDelay, delay, unit);
  }

  @Override
  public void execute(Runnable command) {
    container.execute(command);
  }

  @Override
  public <T> Future<T> submit(Callable<T> task) {
    return container.submit(task);
  }

  @Override
  public <T> Future<T> submit(Runnable task, T result) {
    return container.submit(task, result);
  }

  @Override
  public Future<?> submit(Runnable task) {
    return container.submit(task);
  }

  @Override
  public <T> List<Future<T>> invokeAll(Collection<? extends Callable<T>> tasks)
      throws InterruptedException {
    return container.invokeAll(tasks);
  }

  @Override
  public <T> List<Future<T>> invokeAll(
      Collection<? extends Callable<T>> tasks, long timeout, TimeUnit unit)
      throws InterruptedException {
    return container.invokeAll(tasks, timeout, unit);
  }

  @Override
  public <T> T invokeAny(Collection<? extends Callable<T>> tasks)
      throws InterruptedException, ExecutionException {
    return container.invokeAny(tasks);
  }

  @Override
  public <T> T invokeAny(Collection<? extends Callable<T>> tasks, long timeout, TimeUnit unit)
      throws InterruptedException, ExecutionException, TimeoutException {
    return container.invokeAny(tasks, timeout, unit);
  }

  /** The container's executor is shared: a session never shuts it down. */
  @Override
  public void shutdown() {}

  @Override
  public List<Runnable> shutdownNow() {
    return List.of();
  }

  @Override
  public boolean isShutdown() {
    return container.isShutdown();
  }

  @Override
  public boolean isTerminated() {
    return container.isTerminated();
  }

  @Override
  public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
    return container.awaitTermination(timeout, unit);
  }

  /** A task that will never run: cancelled from the start. */
  static final class Dropped implements ScheduledFuture<Object> {
    static final Dropped INSTANCE = new Dropped();

    @Override
    public long getDelay(TimeUnit unit) {
      return 0;
    }

    @Override
    public int compareTo(Delayed other) {
      return Long.compare(0, other.getDelay(TimeUnit.NANOSECONDS));
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
      return false;
    }

    @Override
    public boolean isCancelled() {
      return true;
    }

    @Override
    public boolean isDone() {
      return true;
    }

    @Override
    public Object get() {
      throw new CancellationException("idle timer off");
    }

    @Override
    public Object get(long timeout, TimeUnit unit) {
      return get();
    }
  }
}
