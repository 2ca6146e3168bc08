package org.nianbao.testsupport;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Starts the same call from many clients at the same instant, for tests of what concurrent writers see. */
public final class Concurrently {

    /** One client's call; returns the HTTP status it got. */
    public interface Call {
        int run(int client) throws Exception;
    }

    private Concurrently() {
    }

    /** Runs {@code call} for clients 0 … {@code clients}−1 at once and returns their statuses in client order. */
    public static List<Integer> run(int clients, Call call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                int client = i;
                results.add(pool.submit(() -> {
                    start.await();
                    return call.run(client);
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : results) {
                statuses.add(f.get());
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }
}
