package dev.xcomponent.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Derived ids are stored (idempotency keys, instance ids), so their derivation must never change. */
class MessageKeysTest {

  @Test
  void derivedIdsAreTheNameBasedUuidsOfTheirText() {
    for (String text : new String[] {"", "outbox:e1:1", "delivery:m\ni", "create:é-ü-中"}) {
      assertEquals(UUID.nameUUIDFromBytes(text.getBytes(StandardCharsets.UTF_8)).toString(), MessageKeys.uuid(text));
    }
    java.util.Random random = new java.util.Random(42);
    for (int i = 0; i < 2_000; i++) {
      String text = random.ints(random.nextInt(80), 0, 0x3000).collect(StringBuilder::new,
          StringBuilder::appendCodePoint, StringBuilder::append).toString();
      assertEquals(UUID.nameUUIDFromBytes(text.getBytes(StandardCharsets.UTF_8)).toString(), MessageKeys.uuid(text), text);
    }
  }

  @Test
  void theSameMessageAlwaysYieldsTheSameKeysAndDifferentTargetsDifferentOnes() {
    assertEquals("msg:m1", MessageKeys.trigger("m1"));
    assertEquals(MessageKeys.delivery("m1", "i1"), MessageKeys.delivery("m1", "i1"));
    assertNotEquals(MessageKeys.delivery("m1", "i1"), MessageKeys.delivery("m1", "i2"));
    assertEquals(MessageKeys.outgoing("e1", 1), MessageKeys.outgoing("e1", 1));
    assertNotEquals(MessageKeys.outgoing("e1", 1), MessageKeys.outgoing("e1", 2));
    // a pinned value: ids written by earlier versions must still be recognised
    assertEquals("msg:" + UUID.nameUUIDFromBytes("delivery:m1\ni1".getBytes(StandardCharsets.UTF_8)),
        MessageKeys.delivery("m1", "i1"));
  }
}
