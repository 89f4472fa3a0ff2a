package org.gitterjakarta.unread.control;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Group commit per room: jobs for a room that arrive while one of its batches runs wait, and the
 * first of them then runs all that waited as one batch, in arrival order. A lone job runs at once
 * in its own thread; under load, one batch replaces many calls (one unread script per batch rather
 * than per message), so the work per message falls as senders are added instead of growing. Each
 * caller returns only once its own job is done, so its effects are visible when it returns.
 */
final class RoomLanes<T> {

  private final ConcurrentHashMap<String, Lane<T>> lanes = new ConcurrentHashMap<>();
  private final int maxBatch;
  private final Consumer<List<T>> batchWork;

  /** {@code batchWork} does a batch's jobs, in their order, in one go. */
  RoomLanes(int maxBatch, Consumer<List<T>> batchWork) {
    this.maxBatch = maxBatch;
    this.batchWork = batchWork;
  }

  /**
   * Runs {@code job} with the others waiting for the same room, in whichever caller's thread leads
   * the batch; a failure of the batch is thrown to every caller in it.
   */
  void run(String roomId, T job) {
    var ticket = new Ticket<>(job);
    Lane<T> lane = enqueue(roomId, ticket);
    if (!ticket.leads && !awaitTurn(ticket)) {
      return; // a leading caller ran it
    }
    List<Ticket<T>> batch = List.of();
    Throwable failure = null;
    try {
      batch = lane.take(maxBatch);
      batchWork.accept(batch.stream().map(t -> t.job).toList());
    } catch (Throwable e) {
      failure = e;
      throw e;
    } finally {
      for (Ticket<T> done : batch) {
        if (done == ticket) {
          continue;
        }
        if (failure == null) {
          done.turn.complete(false);
        } else {
          done.turn.completeExceptionally(failure);
        }
      }
      if (batch.isEmpty()) {
        lane.forget(ticket); // taking the batch failed: the ticket must not lead again
      }
      handOn(roomId, lane);
    }
  }

  /** How many rooms have a lane right now (idle rooms have none). */
  int size() {
    return lanes.size();
  }

  /** How many callers wait in the room's lane, not counting a batch that runs. */
  int waitingIn(String roomId) {
    Lane<T> lane = lanes.get(roomId);
    if (lane == null) {
      return 0;
    }
    synchronized (lane) {
      return lane.waiting.size();
    }
  }

  private Lane<T> enqueue(String roomId, Ticket<T> ticket) {
    while (true) {
      Lane<T> lane = lanes.computeIfAbsent(roomId, id -> new Lane<>());
      synchronized (lane) {
        if (lane.retired) {
          continue; // went idle and left the map just now: take the room's next lane
        }
        lane.waiting.add(ticket);
        ticket.leads = !lane.busy;
        lane.busy = true;
        return lane;
      }
    }
  }

  /** Whether this caller now leads (true) or its job was run by a leader (false). */
  private static <T> boolean awaitTurn(Ticket<T> ticket) {
    try {
      return ticket.turn.join();
    } catch (CompletionException e) {
      // the leader's failure, thrown in every thread whose job was in the batch
      if (e.getCause() instanceof RuntimeException failure) {
        throw failure;
      }
      if (e.getCause() instanceof Error failure) {
        throw failure;
      }
      throw e;
    }
  }

  /** Lets the next waiting caller lead, or retires the idle lane so idle rooms cost nothing. */
  private void handOn(String roomId, Lane<T> lane) {
    Ticket<T> next;
    synchronized (lane) {
      next = lane.waiting.peek();
      if (next == null) {
        lane.busy = false;
        lane.retired = true;
        lanes.remove(roomId, lane);
        return;
      }
    }
    next.turn.complete(true);
  }

  private static final class Lane<T> {
    private final ArrayDeque<Ticket<T>> waiting = new ArrayDeque<>();
    private boolean busy;
    private boolean retired;

    synchronized void forget(Ticket<T> ticket) {
      waiting.remove(ticket);
    }

    synchronized List<Ticket<T>> take(int max) {
      List<Ticket<T>> batch = new ArrayList<>(Math.min(max, waiting.size()));
      while (batch.size() < max && !waiting.isEmpty()) {
        batch.add(waiting.poll());
      }
      return batch;
    }
  }

  private static final class Ticket<T> {
    private final T job;
    private final CompletableFuture<Boolean> turn = new CompletableFuture<>();
    private boolean leads;

    Ticket(T job) {
      this.job = job;
    }
  }
}
