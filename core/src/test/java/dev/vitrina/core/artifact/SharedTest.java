package dev.vitrina.core.artifact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SharedTest {

  /** A resource that counts its closes and fails when used after close. */
  static final class Resource implements AutoCloseable {
    final AtomicInteger closes = new AtomicInteger();

    int use() {
      if (closes.get() > 0) {
        throw new IllegalStateException("used after close");
      }
      return 1;
    }

    @Override
    public void close() {
      closes.incrementAndGet();
    }
  }

  @Test
  void aRetiredResourceIsClosedOnlyAfterTheLastLease() throws Exception {
    Resource r = new Resource();
    Shared<Resource> s = Shared.of(r);
    Shared.Lease<Resource> a = s.acquire();
    Shared.Lease<Resource> b = s.acquire();
    s.retire();
    assertThat(r.closes).hasValue(0);
    assertThat(a.get().use()).isEqualTo(1);
    a.close();
    a.close(); // a second close releases nothing more
    assertThat(r.closes).hasValue(0);
    assertThat(s.leases()).isEqualTo(1);
    b.close();
    assertThat(r.closes).hasValue(1);
    assertThat(s.isClosed()).isTrue();
    assertThatThrownBy(s::acquire).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(a::get).isInstanceOf(IllegalStateException.class);
    s.retire();
    assertThat(r.closes).hasValue(1);
  }

  @Test
  void retiringAnIdleResourceClosesItAtOnce() throws Exception {
    Resource r = new Resource();
    Shared<Resource> s = Shared.of(r);
    s.acquire().close();
    s.retire();
    assertThat(r.closes).hasValue(1);
  }

  @Test
  void swapsUnderConcurrentUseNeverUseAClosedResourceAndCloseEachOnce() throws Exception {
    Resource[] made = new Resource[51];
    made[0] = new Resource();
    java.util.concurrent.atomic.AtomicReference<Shared<Resource>> current =
        new java.util.concurrent.atomic.AtomicReference<>(Shared.of(made[0]));
    AtomicBoolean failed = new AtomicBoolean();
    Thread[] users = new Thread[4];
    for (int t = 0; t < users.length; t++) {
      users[t] =
          new Thread(
              () -> {
                for (int i = 0; i < 2000; i++) {
                  Shared<Resource> s;
                  Shared.Lease<Resource> lease;
                  while (true) {
                    s = current.get();
                    try {
                      lease = s.acquire();
                      break;
                    } catch (IllegalStateException retired) {
                      // swapped meanwhile: take the new one
                    }
                  }
                  try (Shared.Lease<Resource> l = lease) {
                    l.get().use();
                  } catch (Exception e) {
                    failed.set(true);
                  }
                }
              });
      users[t].start();
    }
    for (int v = 1; v < made.length; v++) {
      made[v] = new Resource();
      Shared<Resource> old = current.getAndSet(Shared.of(made[v]));
      old.retire();
      Thread.yield();
    }
    for (Thread t : users) {
      t.join();
    }
    assertThat(failed).isFalse();
    for (int v = 0; v < made.length - 1; v++) {
      assertThat(made[v].closes).as("version %d", v).hasValue(1);
    }
    assertThat(made[made.length - 1].closes).hasValue(0);
  }
}
