package org.ibvadvisor.answer.generate;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Bounds the generations streaming at once, with a bounded queue behind them; never blocks.
 * Each admitted task is started exactly once, either at once or when a running one {@link #release releases} its
 * slot; a started task must release exactly once.
 */
public final class Admission {

    private final int maxRunning;
    private final int maxQueued;
    private final Deque<Runnable> waiting = new ArrayDeque<>();
    private int running;

    public Admission(int maxRunning, int maxQueued) {
        this.maxRunning = maxRunning;
        this.maxQueued = maxQueued;
    }

    /** Starts {@code start} now or queues it; false (and nothing started) when all slots and the queue are full. */
    public boolean offer(Runnable start) {
        synchronized (this) {
            if (running >= maxRunning) {
                if (waiting.size() >= maxQueued) {
                    return false;
                }
                waiting.addLast(start);
                return true;
            }
            running++;
        }
        start.run();
        return true;
    }

    /** Gives back a running slot, starting the next queued task in it. */
    public void release() {
        Runnable next;
        synchronized (this) {
            next = waiting.pollFirst();
            if (next == null) {
                running--;
                return;
            }
        }
        next.run();
    }

    /** Removes a queued task that will no longer run; false if it is not queued (already started). */
    public synchronized boolean withdraw(Runnable start) {
        return waiting.remove(start);
    }

    public synchronized int running() {
        return running;
    }

    public synchronized int queued() {
        return waiting.size();
    }
}
